package nl.weerbaar.areas;

/**
 * A municipality (gemeente) in the CBS 2024 division, GM0014..GM1992.
 *
 * @param population  residents on 1 January 2024 (CBS)
 * @param landAreaKm2 CBS land area; the boundary also covers inland water, so do not measure it
 * @param lat         latitude of a point inside the boundary (WGS84); not the centroid, which
 *                    falls outside six municipalities
 * @param lon         longitude of that point
 */
public record Municipality(String code, String name, String provinceCode, String provinceName, String regionCode,
                           long population, double landAreaKm2, double lat, double lon) {}
