package nl.weerbaar.areas;

/**
 * A point resolved to the areas it lies in.
 *
 * @param postcode the 4-digit postcode when the location was looked up by postcode; null when it
 *                 was located by coordinates, because postcodes are held as points, not areas
 */
public record Location(double lat, double lon, String municipalityCode, String regionCode, String postcode) {}
