package nl.weerbaar.points;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;

/**
 * How long caches may keep the public answers of the points module. Any cache (nginx, a CDN, a
 * browser) may keep them for {@link #MAX_AGE}, so a status change shows within that time; and may
 * go on serving them for {@link #STALE_IF_ERROR} while Weerbaar cannot answer, because during an
 * outage a list of points from this morning is worth more than an error. Answers to signed-in
 * staff may hold points that are not public (shelters for vulnerable people): nobody stores those.
 */
final class CacheHeaders {

    static final Duration MAX_AGE = Duration.ofSeconds(15);
    static final Duration STALE_IF_ERROR = Duration.ofHours(24);

    private CacheHeaders() {}

    /** Shared-cacheable for anonymous callers; never stored for signed-in ones. */
    static CacheControl forCaller(HttpServletRequest request) {
        return signedIn(request) ? CacheControl.noStore().cachePrivate() : shared();
    }

    /**
     * For a page: as {@link #forCaller}, and never shared when the answer sets a cookie (the
     * language switch does): that cookie is for this visitor only.
     */
    static CacheControl forPage(HttpServletRequest request, HttpServletResponse response) {
        return response.containsHeader(HttpHeaders.SET_COOKIE) ? CacheControl.noStore().cachePrivate() : forCaller(request);
    }

    /** Sets a page's caching headers: its language comes from Accept-Language or the language cookie. */
    static void applyToPage(HttpServletRequest request, HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, forPage(request, response).getHeaderValue());
        response.addHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
        response.addHeader(HttpHeaders.VARY, HttpHeaders.COOKIE);
    }

    private static CacheControl shared() {
        return CacheControl.maxAge(MAX_AGE).cachePublic().staleIfError(STALE_IF_ERROR);
    }

    /** Any authenticated principal counts: stricter than what decides visibility, never looser. */
    private static boolean signedIn(HttpServletRequest request) {
        return request.getUserPrincipal() != null;
    }
}
