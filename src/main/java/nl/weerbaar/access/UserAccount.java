package nl.weerbaar.access;

import java.time.Instant;

/** A user as others may see it: never the password hash. */
public record UserAccount(long id, String username, String organisation, Role role, boolean enabled, Instant createdAt) {}
