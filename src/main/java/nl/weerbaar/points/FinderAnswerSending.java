package nl.weerbaar.points;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * Sends a finder answer: the one writer of both ways an answer goes out, the controller
 * ({@link SupportPointsApi#nearest}) and {@link FinderFastPath}, so their headers cannot drift apart.
 * It answers as Spring MVC answers a {@code ResponseEntity} with an ETag, with Spring's own
 * validator check, so If-None-Match means what it means on every other read: a match (weak
 * comparison, any tag of a list) gets 304 without a body; {@code *} does not match.
 */
final class FinderAnswerSending {

    private FinderAnswerSending() {}

    static void send(HttpServletRequest request, HttpServletResponse response, FinderAnswers.Answer answer) throws IOException {
        FinderAnswers.Encoded encoded = answer.forAcceptEncoding(request.getHeader(HttpHeaders.ACCEPT_ENCODING));
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setHeader(HttpHeaders.CACHE_CONTROL, CacheHeaders.forCaller(request).getHeaderValue());
        response.addHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
        if (encoded.contentEncoding() != null) {
            response.setHeader(HttpHeaders.CONTENT_ENCODING, encoded.contentEncoding());
        }
        // Sets the ETag, and the status 304 on a match.
        if (new ServletWebRequest(request, response).checkNotModified(encoded.etag())) {
            return;
        }
        response.setContentLength(encoded.body().length);
        if (!HttpMethod.HEAD.matches(request.getMethod())) {
            response.getOutputStream().write(encoded.body());
        }
    }
}
