package nl.weerbaar.access;

/** Who performs a request: a user, the organisation they act for, and their role there. */
public record Actor(String username, String organisation, Role role) {

    /** The actor for work the system does by itself (reference data, first start). */
    public static final Actor SYSTEM = new Actor("system", "NL", Role.ADMIN);
}
