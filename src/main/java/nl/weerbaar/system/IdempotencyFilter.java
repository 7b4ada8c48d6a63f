package nl.weerbaar.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} for every API write: the first request runs in one transaction with the
 * storing of its answer; a retry with the same key (by the same user) gets that answer again and
 * has no second effect. A key reused for a different request is refused with 422. Answers are
 * only sent after the transaction committed, so a 2xx is never lost. A key that is empty or longer
 * than {@value #MAX_KEY_LENGTH} characters is refused with 400, never ignored: a client that
 * believes it is protected against double effects must not silently lose that protection.
 * Answers are kept for the retry window of {@link IdempotencyRetention}.
 *
 * <p>Registered inside the security chain (see the access module), after authentication.
 */
@Component
public class IdempotencyFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);

    public static final String HEADER = "Idempotency-Key";
    static final int MAX_KEY_LENGTH = 200;
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ProblemWriter problems;
    private final Clock clock;
    private final IdempotencyRetention retention;

    IdempotencyFilter(JdbcClient jdbc, TransactionTemplate transactions, ProblemWriter problems, Clock clock,
                      IdempotencyRetention retention) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.problems = problems;
        this.clock = clock;
        this.retention = retention;
    }

    private record StoredAnswer(String fingerprint, int status, String contentType, String location, String etag, byte[] body) {}

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getHeader(HEADER) == null || !WRITES.contains(request.getMethod())
                || !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER).trim();
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            problems.writeInvalid(response, new InvalidInputException(HEADER, (key.isEmpty() ? "is empty" : "has " + key.length()
                    + " characters") + "; send 1 to " + MAX_KEY_LENGTH + " characters, e.g. a UUID, or no such header at all"),
                    request.getRequestURI());
            return;
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            chain.doFilter(request, response);
            return;
        }
        String principal = authentication.getName();
        CachedBodyRequest cachedRequest = new CachedBodyRequest(request);
        String fingerprint = fingerprint(request.getMethod(), request.getRequestURI(), request.getQueryString(), cachedRequest.body());
        ContentCachingResponseWrapper cachedResponse = new ContentCachingResponseWrapper(response);

        Optional<StoredAnswer> replay;
        try {
            replay = transactions.execute(tx -> {
                // Serialises retries of one key: the second waits until the first has committed.
                jdbc.sql("select pg_advisory_xact_lock(hashtext(:principal), hashtext(:key))")
                        .param("principal", principal).param("key", key).query().singleValue();
                forgetIfExpired(principal, key);
                Optional<StoredAnswer> stored = find(principal, key);
                if (stored.isPresent()) {
                    return stored;
                }
                runInTransaction(tx, cachedRequest, cachedResponse, chain);
                if (cachedResponse.getStatus() >= 200 && cachedResponse.getStatus() < 300) {
                    store(principal, key, fingerprint, cachedResponse);
                } else {
                    tx.setRollbackOnly();
                }
                return Optional.empty();
            });
        } catch (RuntimeException e) {
            // The write did not commit: nothing was acknowledged, a retry is safe.
            response.reset();
            if (DatabaseBusy.among(e)) {
                log.warn("Database busy or away on {} {}; answered 503: {}", request.getMethod(), request.getRequestURI(), e.toString());
                problems.writeBusy(response, request.getRequestURI());
                return;
            }
            log.error("Write failed on {} {}", request.getMethod(), request.getRequestURI(), e);
            problems.write(response, HttpStatus.INTERNAL_SERVER_ERROR,
                    "the request could not be completed and nothing was changed; retry with the same Idempotency-Key",
                    request.getRequestURI());
            return;
        }
        if (replay.isPresent()) {
            replayTo(replay.get(), fingerprint, request, response);
            return;
        }
        cachedResponse.copyBodyToResponse();
    }

    private void runInTransaction(TransactionStatus tx, HttpServletRequest request, ContentCachingResponseWrapper response,
                                  FilterChain chain) {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException e) {
            tx.setRollbackOnly();
            throw new IllegalStateException(e);
        }
    }

    private void replayTo(StoredAnswer answer, String fingerprint, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (!answer.fingerprint().equals(fingerprint)) {
            problems.write(response, HttpStatus.UNPROCESSABLE_CONTENT,
                    "this Idempotency-Key was used for a different request; use a new key for a new request",
                    request.getRequestURI());
            return;
        }
        response.setStatus(answer.status());
        if (answer.contentType() != null) {
            response.setContentType(answer.contentType());
        }
        if (answer.location() != null) {
            response.setHeader("Location", answer.location());
        }
        if (answer.etag() != null) {
            response.setHeader("ETag", answer.etag());
        }
        response.setHeader("Idempotent-Replayed", "true");
        response.getOutputStream().write(answer.body());
    }

    /** An answer older than the retry window is gone, whether or not the scheduled purge has run yet. */
    private void forgetIfExpired(String principal, String key) {
        jdbc.sql("delete from idempotent_request where principal = :principal and key = :key and created_at < :cutoff")
                .param("principal", principal).param("key", key).param("cutoff", Timestamp.from(retention.cutoff()))
                .update();
    }

    private Optional<StoredAnswer> find(String principal, String key) {
        return jdbc.sql("select fingerprint, status, content_type, location, etag, body from idempotent_request "
                        + "where principal = :principal and key = :key")
                .param("principal", principal).param("key", key)
                .query((rs, n) -> new StoredAnswer(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getBytes(6)))
                .optional();
    }

    private void store(String principal, String key, String fingerprint, ContentCachingResponseWrapper response) {
        jdbc.sql("""
                        insert into idempotent_request (principal, key, fingerprint, status, content_type, location, etag, body,
                            created_at)
                        values (:principal, :key, :fingerprint, :status, :contentType, :location, :etag, :body, :now)""")
                .param("principal", principal).param("key", key).param("fingerprint", fingerprint)
                .param("status", response.getStatus())
                .param("contentType", response.getContentType())
                .param("location", response.getHeader("Location"))
                .param("etag", response.getHeader("ETag"))
                .param("body", response.getContentAsByteArray())
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }

    private static String fingerprint(String method, String path, String query, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((method + " " + path + "?" + (query == null ? "" : query) + "\n").getBytes(StandardCharsets.UTF_8));
            digest.update(body);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads the whole body up front, so it can be both fingerprinted and read by the controller. */
    private static final class CachedBodyRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        CachedBodyRequest(HttpServletRequest request) throws IOException {
            super(request);
            this.body = request.getInputStream().readAllBytes();
        }

        byte[] body() {
            return body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new IllegalStateException("the body was read already; only synchronous reads are possible");
                }

                @Override
                public int read() {
                    return in.read();
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
