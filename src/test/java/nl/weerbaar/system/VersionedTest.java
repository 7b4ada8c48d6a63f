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
        assertThatCode(() -> Versioned.requireMatch("W/\"7\"", 7)).doesNotThrowAnyException();
        assertThatCode(() -> Versioned.requireMatch("\"6\", \"7\"", 7)).doesNotThrowAnyException();
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
