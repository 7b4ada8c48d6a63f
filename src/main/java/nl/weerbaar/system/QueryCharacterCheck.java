package nl.weerbaar.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a query string with characters {@link InputCheck#unacceptableCharacter} refuses (a NUL
 * in {@code ?area=GM0363%00} would otherwise reach PostgreSQL, which cannot store it), naming the
 * parameter: 400 problem+json on the API, the error page elsewhere. Only the query string is read
 * here, never the body, so a form post or an upload is left to its handler.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 3)
class QueryCharacterCheck extends OncePerRequestFilter {

    private final ProblemWriter problems;

    QueryCharacterCheck(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        List<InvalidInputException.InvalidParam> refused = check(request.getQueryString());
        if (refused.isEmpty()) {
            chain.doFilter(request, response);
        } else if (request.getRequestURI().startsWith("/api/")) {
            problems.writeInvalid(response, new InvalidInputException(refused), request.getRequestURI());
        } else {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
        }
    }

    static List<InvalidInputException.InvalidParam> check(String query) {
        List<InvalidInputException.InvalidParam> refused = new ArrayList<>();
        if (query == null) {
            return refused;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            String nameProblem = name == null ? "is not percent-encoded UTF-8" : InputCheck.unacceptableCharacter(name);
            String valueProblem = value == null ? "is not percent-encoded UTF-8" : InputCheck.unacceptableCharacter(value);
            String shownName = nameProblem == null ? name : "parameter name";
            if (nameProblem != null) {
                refused.add(new InvalidInputException.InvalidParam(shownName, nameProblem));
            } else if (valueProblem != null) {
                refused.add(new InvalidInputException.InvalidParam(shownName, valueProblem));
            }
        }
        return refused;
    }

    /** The text as percent-decoded UTF-8, or null when it is not: a bad escape, or bytes no UTF-8 writer makes. */
    private static String decode(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                int high = i + 2 < text.length() ? Character.digit(text.charAt(i + 1), 16) : -1;
                int low = i + 2 < text.length() ? Character.digit(text.charAt(i + 2), 16) : -1;
                if (high < 0 || low < 0) {
                    return null;
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(c == '+' ? ' ' : c).getBytes(StandardCharsets.UTF_8));
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
