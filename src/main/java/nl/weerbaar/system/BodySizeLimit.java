package nl.weerbaar.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits the body of every API request: {@code weerbaar.limits.body} (default 1 MiB) for JSON and
 * XML, {@code weerbaar.limits.import-body} (default 20 MiB) for imports (paths ending in
 * {@code /import}). A body that announces more is refused before a byte of it is read; one that
 * does not say its length is read up to the limit and no further. Either way the answer is
 * 413 problem+json and nothing is changed.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class BodySizeLimit extends OncePerRequestFilter {

    private final long bodyLimit;
    private final long importLimit;
    private final ProblemWriter problems;

    BodySizeLimit(@Value("${weerbaar.limits.body:1MB}") DataSize bodyLimit,
                  @Value("${weerbaar.limits.import-body:20MB}") DataSize importLimit, ProblemWriter problems) {
        this.bodyLimit = bodyLimit.toBytes();
        this.importLimit = importLimit.toBytes();
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = request.getRequestURI().endsWith("/import") ? importLimit : bodyLimit;
        if (request.getContentLengthLong() > limit) {
            refuse(response, new BodyTooLargeException(limit), request);
            return;
        }
        try {
            chain.doFilter(new LimitedRequest(request, limit), response);
        } catch (BodyTooLargeException e) {
            // Read outside a controller (e.g. to fingerprint an idempotent write): answered here.
            if (!response.isCommitted()) {
                response.reset();
                refuse(response, e, request);
            }
        }
    }

    private void refuse(HttpServletResponse response, BodyTooLargeException e, HttpServletRequest request) throws IOException {
        response.setHeader("Connection", "close");
        problems.write(response, HttpStatus.CONTENT_TOO_LARGE, e.detail(), request.getRequestURI());
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream limited;

        LimitedRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (limited == null) {
                limited = new LimitedStream(super.getInputStream(), limit);
            }
            return limited;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }

    private static final class LimitedStream extends ServletInputStream {

        private final ServletInputStream in;
        private final long limit;
        private long read;

        LimitedStream(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, (int) Math.min(length, limit - read + 1));
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws BodyTooLargeException {
            read += n;
            if (read > limit) {
                throw new BodyTooLargeException(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
