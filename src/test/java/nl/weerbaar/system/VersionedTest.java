package nl.weerbaar.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VersionedTest {

    @Test
    void matchingVersionPasses() {
        assertThatCode(() -> Versioned.requireMatch("\"7\"", 7)).doesNotThrowAnyException();
        assertThatCode(() -> Versioned.requireMatch("\"6\", \"7\"", 7)).doesNotThrowAnyException();
    }

    /** Issue 13, item 9: If-Match compares strongly, so a weak tag of the current version is refused as stale. */
    @Test
    void weakTagNeverMatches() {
        for (String weak : new String[] {"W/\"7\"", "w/\"7\"", "W/\"6\", W/\"7\""}) {
            assertThatThrownBy(() -> Versioned.requireMatch(weak, 7))
                    .isInstanceOfSatisfying(DomainException.VersionMismatch.class, e -> assertThat(e.missing()).isFalse());
        }
        assertThatCode(() -> Versioned.requireMatch("W/\"6\", \"7\"", 7)).as("a strong tag in the list still matches")
                .doesNotThrowAnyException();
    }

    /** Stale (the API's 412) names the current version; missing (the API's 428) says what to send. */
    @Test
    void staleVersionAndMissingVersionAreToldApart() {
        assertThatThrownBy(() -> Versioned.requireMatch("\"6\"", 7))
                .isInstanceOfSatisfying(DomainException.VersionMismatch.class, e -> assertThat(e.missing()).isFalse())
                .hasMessageContaining("the current version is \"7\"");
        assertThatThrownBy(() -> Versioned.requireMatch(null, 7))
                .isInstanceOfSatisfying(DomainException.VersionMismatch.class, e -> assertThat(e.missing()).isTrue())
                .hasMessageContaining("If-Match: \"7\"");
        assertThatThrownBy(() -> Versioned.requireMatch(" ", 7))
                .isInstanceOfSatisfying(DomainException.VersionMismatch.class, e -> assertThat(e.missing()).isTrue());
    }
}
