package nl.weerbaar.access;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The user_account table; lock-outs and creation times are on the application clock. */
@Repository
class UserRepository {

    private final JdbcClient jdbc;
    private final Clock clock;

    UserRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The user as a principal, locked or not at this moment. */
    Optional<AuthenticatedUser> findPrincipal(String username) {
        Instant now = clock.instant();
        return jdbc.sql("select * from user_account where username = :username")
                .param("username", username)
                .query((rs, row) -> principal(rs, now))
                .optional();
    }

    Optional<UserAccount> find(String username) {
        return jdbc.sql("select * from user_account where username = :username")
                .param("username", username)
                .query(UserRepository::account)
                .optional();
    }

    List<UserAccount> findAll() {
        return jdbc.sql("select * from user_account order by username").query(UserRepository::account).list();
    }

    UserAccount insert(String username, String passwordHash, String organisation, Role role) {
        return jdbc.sql("""
                        insert into user_account (username, password_hash, organisation_code, role, created_at)
                        values (:username, :hash, :organisation, :role, :now) returning *""")
                .param("now", Timestamp.from(clock.instant()))
                .param("username", username)
                .param("hash", passwordHash)
                .param("organisation", organisation)
                .param("role", role.code())
                .query(UserRepository::account)
                .single();
    }

    /** Counts a failed login; from the threshold on, locks the account for the lock-out period. */
    void recordFailure(String username, int threshold, Duration lockout) {
        jdbc.sql("""
                        update user_account
                        set failed_logins = failed_logins + 1,
                            locked_until = case when failed_logins + 1 >= :threshold
                                                then cast(:lockedUntil as timestamptz) else locked_until end
                        where username = :username""")
                .param("username", username)
                .param("threshold", threshold)
                .param("lockedUntil", Timestamp.from(clock.instant().plus(lockout)))
                .update();
    }

    void recordSuccess(String username) {
        jdbc.sql("update user_account set failed_logins = 0, locked_until = null where username = :username and failed_logins > 0")
                .param("username", username)
                .update();
    }

    private static AuthenticatedUser principal(ResultSet rs, Instant now) throws SQLException {
        Timestamp lockedUntil = rs.getTimestamp("locked_until");
        return new AuthenticatedUser(rs.getLong("id"), rs.getString("username"), rs.getString("password_hash"),
                rs.getString("organisation_code"), Role.fromCode(rs.getString("role")), rs.getBoolean("enabled"),
                lockedUntil != null && !lockedUntil.toInstant().isBefore(now));
    }

    private static UserAccount account(ResultSet rs, int row) throws SQLException {
        return new UserAccount(rs.getLong("id"), rs.getString("username"), rs.getString("organisation_code"),
                Role.fromCode(rs.getString("role")), rs.getBoolean("enabled"), rs.getTimestamp("created_at").toInstant());
    }
}
