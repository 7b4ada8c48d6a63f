package nl.weerbaar.web;

import static org.assertj.core.api.Assertions.assertThat;

import nl.weerbaar.system.RequestId;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.ServletWebRequest;

class ErrorPageAttributesTest {

    @Test
    void theErrorPageGetsTheIdTheRequestWasGiven() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/steunpunten");
        request.setAttribute(RequestId.ATTRIBUTE, "3f2c9a1e-request");
        request.setAttribute("jakarta.servlet.error.status_code", 500);

        var attributes = new ErrorPageAttributes(null).getErrorAttributes(new ServletWebRequest(request), ErrorAttributeOptions.defaults());

        assertThat(attributes).containsEntry("requestId", "3f2c9a1e-request").containsEntry("status", 500)
                .doesNotContainKeys("trace", "exception");
    }
}
