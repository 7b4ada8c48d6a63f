package nl.weerbaar.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** API tokens for machines: 256 random bits, shown once, kept only as a SHA-256. */
@Service
class ApiTokens {

    private static final String PREFIX = "wb_";
    private final SecureRandom random = new SecureRandom();
    private final JdbcClient jdbc;
    private final UserRepository users;
    private final OrganisationRepository organisations;
    private final AuditTrail audit;
    private final Clock clock;

    ApiTokens(JdbcClient jdbc, UserRepository users, OrganisationRepository organisations, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.users = users;
        this.organisations = organisations;
        this.audit = audit;
        this.clock = clock;
    }

    record IssuedToken(long id, String token, Instant createdAt) {}

    @Transactional
    IssuedToken issue(AuthenticatedUser user) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        IssuedToken issued = jdbc.sql("""
                        insert into api_token (token_hash, user_id, created_at) values (:hash, :user, :now)
                        returning id, created_at""")
                .param("hash", hash(token))
                .param("user", user.id())
                .param("now", Timestamp.from(clock.instant()))
                .query((rs, n) -> new IssuedToken(rs.getLong("id"), token, rs.getTimestamp("created_at").toInstant()))
                .single();
        audit.record(user.actor(), new AuditTrail.Change("token.issued", "api-token", String.valueOf(issued.id()),
                organisations.auditArea(user.organisation()), null, Map.of("user", user.username())));
        return issued;
    }

    /** The user behind a presented token, if it is known, not revoked, and its user may log in. */
    Optional<AuthenticatedUser> authenticate(String token) {
        if (!token.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String tokenHash = hash(token);
        Optional<String> username = jdbc.sql("""
                        select u.username from api_token t join user_account u on u.id = t.user_id
                        where t.token_hash = :hash and t.revoked_at is null""")
                .param("hash", tokenHash)
                .query(String.class)
                .optional();
        username.ifPresent(found -> markUsed(tokenHash));
        return username.flatMap(users::findPrincipal).filter(u -> u.isEnabled() && u.isAccountNonLocked());
    }

    /**
     * Notes when a token was last used, to the minute: writing it on every call would make all
     * calls with one token queue for the same row.
     */
    private void markUsed(String tokenHash) {
        jdbc.sql("""
                        update api_token set last_used_at = :now
                        where token_hash = :hash
                          and (last_used_at is null or last_used_at < cast(:now as timestamptz) - interval '1 minute')""")
                .param("hash", tokenHash)
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
