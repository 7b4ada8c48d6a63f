package nl.weerbaar.bulletins;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import nl.weerbaar.support.IntegrationTest;
import nl.weerbaar.support.TimeDependent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Keys older than the maximum age are rotated by the schedule; the old one stays valid for its time. */
@IntegrationTest
@TimeDependent
class KeyScheduleTest {

    @Autowired
    SigningKeys keys;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    @Test
    void anAgedKeyIsRotatedAndKeptForWhatItSigned() {
        String aged = keys.current("GM0153").kid();
        Instant now = clock.instant();
        jdbc.sql("update signing_key set valid_from = :old where kid = :kid")
                .param("old", Timestamp.from(now.minus(120, ChronoUnit.DAYS))).param("kid", aged).update();

        keys.rotateAgedKeys();

        PublishedKey retired = keys.find(aged).orElseThrow();
        assertThat(retired.validUntil()).isNotNull();
        assertThat(retired.inUseAt(now.minus(60, ChronoUnit.DAYS))).isTrue();
        assertThat(retired.validUntil()).as("retired at the application's now").isBetween(now.truncatedTo(ChronoUnit.SECONDS), clock.instant());
        assertThat(retired.revokedAt()).isNull();
        assertThat(keys.current("GM0153").kid()).isNotEqualTo(aged);
        byte[] stored = jdbc.sql("select encrypted_private_key from signing_key where kid = :kid").param("kid", aged)
                .query(byte[].class).single();
        assertThat(stored.length).as("nonce, ciphertext and tag").isGreaterThan(12 + 16 + 60);
    }
}
