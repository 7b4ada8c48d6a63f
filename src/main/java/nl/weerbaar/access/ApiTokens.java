package nl.weerbaar.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * API tokens for machines: 256 random bits, shown once, kept only as a SHA-256. A token lives for
 * {@code weerbaar.tokens.lifetime} (default 30 days, by the application clock), until it is
 * revoked, or until its user is disabled, whichever comes first; every request checks all three
 * against the database.
 */
@Service
class ApiTokens {

    private static final String PREFIX = "wb_";
    private final SecureRandom random = new SecureRandom();
    private final JdbcClient jdbc;
    private final OrganisationRepository organisations;
    private final AuditTrail audit;
    private final Clock clock;
    private final Duration lifetime;

    ApiTokens(JdbcClient jdbc, OrganisationRepository organisations, AuditTrail audit, Clock clock,
              @Value("${weerbaar.tokens.lifetime:P30D}") Duration lifetime) {
        this.jdbc = jdbc;
        this.organisations = organisations;
        this.audit = audit;
        this.clock = clock;
        this.lifetime = lifetime;
    }

    record IssuedToken(long id, String token, Instant createdAt, Instant expiresAt) {}

    /** A token presented with a request that is valid now, and its user. */
    record PresentedToken(long id, AuthenticatedUser user) {}

    @Transactional
    IssuedToken issue(AuthenticatedUser user) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = clock.instant();
        IssuedToken issued = jdbc.sql("""
                        insert into api_token (token_hash, user_id, created_at, expires_at) values (:hash, :user, :now, :expires)
                        returning id, created_at, expires_at""")
                .param("hash", hash(token))
                .param("user", user.id())
                .param("now", Timestamp.from(now))
                .param("expires", Timestamp.from(now.plus(lifetime)))
                .query((rs, n) -> new IssuedToken(rs.getLong("id"), token, rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("expires_at").toInstant()))
                .single();
        audit.record(user.actor(), new AuditTrail.Change("token.issued", "api-token", String.valueOf(issued.id()),
                organisations.auditArea(user.organisation()), null, Map.of("user", user.username(), "expiresAt", issued.expiresAt().toString())));
        return issued;
    }

    /**
     * The token and its user, if the token is known, has not expired nor been revoked, and its user is
     * enabled: checked against the database on every call, so a revocation acts at once on every
     * instance. One statement, which also notes when the token was last used, to the minute:
     * writing it on every call would make all calls with one token queue for the same row.
     */
    Optional<PresentedToken> authenticate(String token) {
        if (!token.startsWith(PREFIX)) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        with presented as (
                            select t.id as token_id, u.* from api_token t join user_account u on u.id = t.user_id
                            where t.token_hash = :hash and t.revoked_at is null and t.expires_at > :now and u.enabled),
                        used as (
                            update api_token set last_used_at = :now
                            where id in (select token_id from presented)
                              and (last_used_at is null or last_used_at < cast(:now as timestamptz) - interval '1 minute'))
                        select * from presented""")
                .param("hash", hash(token))
                .param("now", Timestamp.from(clock.instant()))
                .query((rs, n) -> new PresentedToken(rs.getLong("token_id"), UserRepository.principal(rs)))
                .optional();
    }

    /** Revokes the token a user presented, e.g. when a script that held it is retired. */
    @Transactional
    void revoke(PresentedToken token) {
        int revoked = jdbc.sql("update api_token set revoked_at = :now where id = :id and revoked_at is null")
                .param("id", token.id()).param("now", Timestamp.from(clock.instant()))
                .update();
        if (revoked > 0) {
            audit.record(token.user().actor(), new AuditTrail.Change("token.revoked", "api-token", String.valueOf(token.id()),
                    organisations.auditArea(token.user().organisation()), null, Map.of("user", token.user().username())));
        }
    }

    /** Revokes every token of a user that still works; the caller has checked that the actor may. */
    @Transactional(propagation = Propagation.MANDATORY)
    int revokeAllOf(UserAccount user) {
        int revoked = jdbc.sql("update api_token set revoked_at = :now where user_id = :user and revoked_at is null and expires_at > :now")
                .param("user", user.id()).param("now", Timestamp.from(clock.instant()))
                .update();
        if (revoked > 0) {
            audit.record(new AuditTrail.Change("tokens.revoked", "user", user.username(),
                    organisations.auditArea(user.organisation()), null, Map.of("revokedTokens", revoked)));
        }
        return revoked;
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
