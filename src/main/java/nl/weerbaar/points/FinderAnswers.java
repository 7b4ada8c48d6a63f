package nl.weerbaar.points;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPOutputStream;
import nl.weerbaar.areas.Location;
import nl.weerbaar.points.SupportPointsApi.NearestBody;
import nl.weerbaar.points.SupportPointsApi.Origin;
import nl.weerbaar.points.SupportPointsApi.PointBody;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The finder's answers as JSON, ready to send, with a strong ETag over their bytes. In a surge
 * millions ask the same few thousand questions (one per postcode) while the points change a few
 * times a minute, so an answer is built once and sent many times. It is served again only while
 * it is still exactly what a fresh search would give: the points have not changed since (the
 * finder's generation moves with every change, from this instance or, by NOTIFY, from any other)
 * and no freshness in it has ticked over to the next minute.
 */
@Component
class FinderAnswers {

    /**
     * What the kept answers may weigh together. The default search of every one of the 4,106
     * postcode areas takes about 40 MiB (plain and gzipped); searches by position are rarely
     * repeated. Past the budget all are dropped at once, which costs one rebuild per question and
     * keeps memory bounded whatever callers send.
     */
    private static final long MAX_KEPT_BYTES = 48L * 1024 * 1024;

    /** An answer as sent: the bytes, their content coding (null for none) and a strong ETag over them. */
    record Encoded(byte[] body, String contentEncoding, String etag) {
        static Encoded identity(byte[] json) {
            return new Encoded(json, null, strongEtag(json));
        }

        static Encoded gzip(byte[] json) {
            byte[] gzipped = FinderAnswers.gzip(json);
            return new Encoded(gzipped, "gzip", strongEtag(gzipped));
        }
    }

    /**
     * One answer, plain and gzipped: compressed once here rather than by the server on every
     * request, and each with a strong ETag of its own, as two encodings are two representations.
     * {@code generation} is the finder's when the search began.
     */
    record Answer(Encoded plain, Encoded gzipped, long generation, Instant validUntil) {
        long bytes() {
            return plain.body().length + gzipped.body().length;
        }

        boolean servableAt(long currentGeneration, Instant now) {
            return generation == currentGeneration && now.isBefore(validUntil);
        }

        /** The gzipped one when the caller's Accept-Encoding takes gzip, else the plain one. */
        Encoded forAcceptEncoding(String acceptEncoding) {
            return acceptsGzip(acceptEncoding) ? gzipped : plain;
        }
    }

    private final SupportPoints points;
    private final PointFinder finder;
    private final JsonMapper json;
    private final Clock clock;
    private final Map<SupportPoints.FinderSearch, Answer> kept = new ConcurrentHashMap<>();
    /** Guarded by {@code this}; only answers being kept take the lock, readers never. */
    private long keptBytes;

    FinderAnswers(SupportPoints points, PointFinder finder, JsonMapper json, Clock clock) {
        this.points = points;
        this.finder = finder;
        this.json = json;
        this.clock = clock;
    }

    Answer answer(SupportPoints.FinderSearch search) {
        Answer answer = kept(search);
        if (answer == null) {
            answer = build(search, finder.generation(), clock.instant());
            keep(search, answer);
        }
        return answer;
    }

    /**
     * The kept answer to a search while it is still servable, else null; never builds one, so
     * {@link FinderFastPath} only ever sends what the normal path built.
     */
    Answer kept(SupportPoints.FinderSearch search) {
        Answer answer = kept.get(search);
        return answer != null && answer.servableAt(finder.generation(), clock.instant()) ? answer : null;
    }

    private synchronized void keep(SupportPoints.FinderSearch search, Answer answer) {
        if (keptBytes + answer.bytes() > MAX_KEPT_BYTES) {
            kept.clear();
            keptBytes = 0;
        }
        Answer replaced = kept.put(search, answer);
        keptBytes += answer.bytes() - (replaced == null ? 0 : replaced.bytes());
    }

    /**
     * Reading the generation before searching stamps an answer with the generation it was built
     * from or an older one: a change during the search makes it stale at once, never hides.
     */
    private Answer build(SupportPoints.FinderSearch search, long generation, Instant now) {
        SupportPoints.NearestResult result = points.nearest(search);
        Instant validUntil = Instant.MAX;
        List<PointBody> items = new ArrayList<>(result.points().size());
        for (NearbyPoint found : result.points()) {
            SupportPoint point = found.point();
            items.add(PointBody.of(point, points.freshness(point, now), Math.round(found.distanceMeters())));
            Instant changes = points.freshnessChanges(point, now);
            validUntil = changes.isBefore(validUntil) ? changes : validUntil;
        }
        Location at = result.origin();
        byte[] body = json.writeValueAsBytes(new NearestBody(new Origin(at.postcode(), at.lat(), at.lon(), at.municipalityCode()), items));
        return new Answer(Encoded.identity(body), Encoded.gzip(body), generation, validUntil);
    }

    /** Whether an Accept-Encoding header takes gzip: listed (or as *) without q=0. */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String coding : acceptEncoding.split(",")) {
            String[] parts = coding.split(";");
            String name = parts[0].strip();
            if (name.equalsIgnoreCase("gzip") || name.equals("*")) {
                return !(parts.length > 1 && parts[1].strip().matches("(?i)q\\s*=\\s*0(\\.0*)?"));
            }
        }
        return false;
    }

    private static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 3);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException("gzip in memory cannot fail", e);
        }
        return out.toByteArray();
    }

    /** A hash of the bytes: equal answers get equal tags on every instance, so caches revalidate across a pool. */
    private static String strongEtag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 18)) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
