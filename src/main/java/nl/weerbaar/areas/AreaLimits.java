package nl.weerbaar.areas;

/**
 * The limits that validation in Java and the database's CHECK constraints share: a place in the
 * Netherlands and the forms of area codes. Migrations cannot read Java, so they repeat these
 * values; {@code AreaLimitsAgreeTest} fails when a constraint and these constants drift apart.
 */
public final class AreaLimits {

    /** A box around the Netherlands in WGS84 degrees: Cadzand (3.36° E) to the Dollard, Eijsden to Rottumeroog. */
    public static final double SOUTH = 50.7, NORTH = 53.7, WEST = 3.2, EAST = 7.3;

    /** The 25 safety regions: VR01 to VR25. */
    public static final String REGION_CODE = "VR(0[1-9]|1[0-9]|2[0-5])";
    /** A CBS municipality code. */
    public static final String MUNICIPALITY_CODE = "GM[0-9]{4}";
    /** The area an organisation, depot or bulletin acts in: the whole country, a region or a municipality. */
    public static final String AREA_CODE = "NL|" + REGION_CODE + "|" + MUNICIPALITY_CODE;

    public static boolean latitudeInNetherlands(double lat) {
        return lat >= SOUTH && lat <= NORTH;
    }

    public static boolean longitudeInNetherlands(double lon) {
        return lon >= WEST && lon <= EAST;
    }

    /** How the expected form of a latitude reads in an answer that refuses it. */
    public static String latitudeForm() {
        return "must lie in the Netherlands (" + SOUTH + " to " + NORTH + ")";
    }

    public static String longitudeForm() {
        return "must lie in the Netherlands (" + WEST + " to " + EAST + ")";
    }

    private AreaLimits() {}
}
