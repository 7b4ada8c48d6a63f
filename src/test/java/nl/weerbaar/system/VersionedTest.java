package nl.weerbaar.system;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

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
                    .isInstanceOfSatisfying(ResponseStatusException.class,
                            e -> org.assertj.core.api.Assertions.assertThat(e.getStatusCode()).isEqualTo(HttpStatus.PRECONDITION_FAILED));
        }
        assertThatCode(() -> Versioned.requireMatch("W/\"6\", \"7\"", 7)).as("a strong tag in the list still matches")
                .doesNotThrowAnyException();
    }

    @Test
    void staleVersionGets412AndMissingGets428() {
        assertThatThrownBy(() -> Versioned.requireMatch("\"6\"", 7))
                .isInstanceOfSatisfying(ResponseStatusException.class,
                        e -> org.assertj.core.api.Assertions.assertThat(e.getStatusCode()).isEqualTo(HttpStatus.PRECONDITION_FAILED));
        assertThatThrownBy(() -> Versioned.requireMatch(null, 7))
                .isInstanceOfSatisfying(ResponseStatusException.class,
                        e -> org.assertj.core.api.Assertions.assertThat(e.getStatusCode()).isEqualTo(HttpStatus.PRECONDITION_REQUIRED));
    }
}
