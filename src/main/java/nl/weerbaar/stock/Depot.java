package nl.weerbaar.stock;

/**
 * A place where stock is held: national, regional, municipal, or the store of a support point.
 * {@code area} (NL, VRnn or GMnnnn) decides whose organisations may act on it.
 */
public record Depot(long id, String name, String level, String organisation, String area, String municipality,
                    double lat, double lon, String capacity, Long supportPoint, boolean demo, long version) {}
