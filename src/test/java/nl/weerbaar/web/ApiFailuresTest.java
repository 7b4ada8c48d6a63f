package nl.weerbaar.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.ServletException;
import nl.weerbaar.system.ProblemWriter;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/** What a filter's failure on /api is answered with: the crisis-hour bench saw Tomcat's 500 page for an exhausted pool. */
class ApiFailuresTest {

    private final ApiFailures failures = new ApiFailures(problemWriter());

    private static ProblemWriter problemWriter() {
        try {
            var constructor = ProblemWriter.class.getDeclaredConstructor(JsonMapper.class);
            constructor.setAccessible(true);
            return constructor.newInstance(JsonMapper.builder().build());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void noConnectionForAFilterIsA503ToRetry() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        failures.doFilter(new MockHttpServletRequest("POST", "/api/v1/stock-events"), response, (request, answer) -> {
            throw new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                    new java.sql.SQLTransientConnectionException("Connection is not available, request timed out after 5000ms"));
        });
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("1");
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString()).contains("same Idempotency-Key", "at most once");
    }

    @Test
    void anyOtherFailureIsA500ProblemNotTheContainersPage() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        failures.doFilter(new MockHttpServletRequest("GET", "/api/v1/regions"), response, (request, answer) -> {
            throw new ServletException("broken", new IllegalStateException("a defect"));
        });
        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(response.getContentType()).startsWith("application/problem+json");
    }

    @Test
    void pagesKeepTheirErrorPage() {
        assertThatThrownBy(() -> failures.doFilter(new MockHttpServletRequest("GET", "/steunpunten"), new MockHttpServletResponse(),
                (request, answer) -> {
                    throw new IllegalStateException("a defect");
                })).isInstanceOf(IllegalStateException.class);
    }
}
