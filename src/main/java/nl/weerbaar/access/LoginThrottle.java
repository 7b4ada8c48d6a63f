package nl.weerbaar.access;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing without handing anyone a way to lock an account: failures are
 * counted per account name and client address, and after {@code weerbaar.login.throttle-after}
 * failures (default 3) that pair is refused for 2, 4, 8, … seconds, up to
 * {@code weerbaar.login.throttle-max-delay} (default 15 minutes). The owner at another address is
 * not affected, and existing tokens and sessions never are. Times come from the application
 * clock; the counts live in the database, so every instance sees them.
 */
@Component
class LoginThrottle {

    /** A pair whose last failure is older than this starts counting afresh (and is purged). */
    static final Duration FORGOTTEN_AFTER = Duration.ofDays(1);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final int freeFailures;
    private final Duration maxDelay;

    LoginThrottle(JdbcClient jdbc, Clock clock, @Value("${weerbaar.login.throttle-after:3}") int freeFailures,
                  @Value("${weerbaar.login.throttle-max-delay:PT15M}") Duration maxDelay) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.freeFailures = freeFailures;
        this.maxDelay = maxDelay;
    }

    /** Whether attempts for this name from this address are refused now, without looking at the password. */
    boolean isThrottled(String username, String clientAddress) {
        return jdbc.sql("""
                        select count(*) > 0 from login_throttle
                        where username = :username and client_address = :address and blocked_until > :now""")
                .param("username", key(username)).param("address", clientAddress).param("now", Timestamp.from(clock.instant()))
                .query(Boolean.class).single();
    }

    void recordFailure(String username, String clientAddress) {
        Instant now = clock.instant();
        int failures = jdbc.sql("""
                        insert into login_throttle (username, client_address, failures, last_failure_at)
                        values (:username, :address, 1, :now)
                        on conflict (username, client_address) do update
                        set failures = case when login_throttle.last_failure_at < :forgetBefore then 1
                                            else login_throttle.failures + 1 end,
                            last_failure_at = :now
                        returning failures""")
                .param("username", key(username)).param("address", clientAddress)
                .param("now", Timestamp.from(now)).param("forgetBefore", Timestamp.from(now.minus(FORGOTTEN_AFTER)))
                .query(Integer.class).single();
        Duration delay = delayAfter(failures);
        if (!delay.isZero()) {
            jdbc.sql("update login_throttle set blocked_until = :until where username = :username and client_address = :address")
                    .param("until", Timestamp.from(now.plus(delay)))
                    .param("username", key(username)).param("address", clientAddress)
                    .update();
        }
    }

    void recordSuccess(String username, String clientAddress) {
        jdbc.sql("delete from login_throttle where username = :username and client_address = :address")
                .param("username", key(username)).param("address", clientAddress)
                .update();
    }

    /** No delay for the first few failures (typing errors), then doubling from 2 seconds up to the maximum. */
    Duration delayAfter(int failures) {
        if (failures < freeFailures) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - freeFailures + 1, 30);
        Duration delay = Duration.ofSeconds(1L << doublings);
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void purgeForgotten() {
        Instant now = clock.instant();
        jdbc.sql("delete from login_throttle where last_failure_at < :forgetBefore and (blocked_until is null or blocked_until < :now)")
                .param("forgetBefore", Timestamp.from(now.minus(FORGOTTEN_AFTER))).param("now", Timestamp.from(now))
                .update();
    }

    /** Whatever a stranger types as a name is kept, but never more of it than the column holds. */
    private static String key(String username) {
        String name = username == null ? "" : username;
        return name.length() > 200 ? name.substring(0, 200) : name;
    }
}
