package nl.weerbaar.areas;

/**
 * A safety region (veiligheidsregio), VR01..VR25. Each lies within one province.
 *
 * @param population residents on 1 January 2024: the sum over its municipalities
 */
public record Region(String code, String name, String province, long population, double landAreaKm2,
                     int municipalityCount) {}
