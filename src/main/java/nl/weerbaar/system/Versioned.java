package nl.weerbaar.system;

import java.util.Arrays;

/**
 * Guards against lost updates with {@code ETag} and {@code If-Match}: every changeable resource
 * has a version number that each change increments; a change must name the version it saw.
 */
public final class Versioned {

    private Versioned() {}

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /**
     * Checks an If-Match header against the current version: missing or stale is a
     * {@link DomainException.VersionMismatch} (the API answers 428 and 412), naming the current
     * version, so a client can reload and decide. If-Match compares strongly
     * (RFC 9110, 13.1.1): a weak tag {@code W/"7"} only says "equivalent", never "this very
     * version", so it never matches.
     */
    public static void requireMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new DomainException.VersionMismatch(true,
                    "send If-Match with the ETag of the version you changed, e.g. If-Match: " + etag(currentVersion));
        }
        String wanted = etag(currentVersion);
        boolean matches = ifMatch.trim().equals("*") || Arrays.stream(ifMatch.split(","))
                .map(String::trim)
                .anyMatch(wanted::equals);
        if (!matches) {
            throw new DomainException.VersionMismatch(false,
                    "this was changed by someone else since you loaded it: the current version is " + wanted
                            + "; load it again and repeat your change if it still applies");
        }
    }
}
