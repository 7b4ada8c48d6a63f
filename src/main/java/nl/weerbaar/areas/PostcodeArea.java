package nl.weerbaar.areas;

/**
 * A 4-digit postcode area, held as one representative point where people live.
 *
 * @param place          the place (woonplaats); null for postcodes issued after 2019
 * @param population     CBS residents, rounded to 5; null where CBS gives no figure
 * @param populationYear the year (1 January) of {@code population}: 2021, three years older than
 *                       the municipal figures; null with it
 */
public record PostcodeArea(String postcode, String place, String municipalityCode, double lat, double lon,
                           Integer population, Integer populationYear) {}
