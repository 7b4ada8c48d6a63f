package nl.weerbaar.access;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The user_account table; creation times are on the application clock. */
@Repository
class UserRepository {

    private final JdbcClient jdbc;
    private final Clock clock;

    UserRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The user as a principal, enabled or not. */
    Optional<AuthenticatedUser> findPrincipal(String username) {
        return jdbc.sql("select * from user_account where username = :username")
                .param("username", username)
                .query((rs, row) -> principal(rs))
                .optional();
    }

    /** Whether the user may act at this moment: checked on every request of a session, on every instance. */
    boolean isEnabled(long id) {
        return jdbc.sql("select enabled from user_account where id = :id").param("id", id).query(Boolean.class).optional()
                .orElse(false);
    }

    /** Sets whether a user may log in and act; true when it changed. */
    boolean setEnabled(long id, boolean enabled) {
        return jdbc.sql("update user_account set enabled = :enabled where id = :id and enabled <> :enabled")
                .param("id", id).param("enabled", enabled).update() > 0;
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

    /** A row of user_account, or of a query that selects all its columns, as a principal. */
    static AuthenticatedUser principal(ResultSet rs) throws SQLException {
        return new AuthenticatedUser(rs.getLong("id"), rs.getString("username"), rs.getString("password_hash"),
                rs.getString("organisation_code"), Role.fromCode(rs.getString("role")), rs.getBoolean("enabled"));
    }

    private static UserAccount account(ResultSet rs, int row) throws SQLException {
        return new UserAccount(rs.getLong("id"), rs.getString("username"), rs.getString("organisation_code"),
                Role.fromCode(rs.getString("role")), rs.getBoolean("enabled"), rs.getTimestamp("created_at").toInstant());
    }
}
