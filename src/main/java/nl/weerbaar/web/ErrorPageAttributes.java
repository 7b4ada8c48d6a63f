package nl.weerbaar.web;

import java.util.Map;
import nl.weerbaar.system.RequestId;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;

/** The error page names the request's id, so a person can quote it and staff find its log lines. */
@Component
class ErrorPageAttributes extends DefaultErrorAttributes {

    @Override
    public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
        Map<String, Object> attributes = super.getErrorAttributes(request, options);
        attributes.put("requestId", request.getAttribute(RequestId.ATTRIBUTE, RequestAttributes.SCOPE_REQUEST));
        return attributes;
    }
}
