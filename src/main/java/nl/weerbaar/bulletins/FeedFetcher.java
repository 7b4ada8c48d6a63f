package nl.weerbaar.bulletins;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Fetches a feed or a linked message from another authority, carefully: only addresses the
 * {@link FeedAddresses} rule allows (redirects followed by hand, each checked), a deadline for the
 * whole answer (headers and body, so a server that trickles bytes is cut off), a size limit read
 * as the bytes come, and conditional requests so an unchanged feed costs a 304.
 */
@Component
class FeedFetcher {

    private static final int MAX_REDIRECTS = 3;

    /** Why a fetch failed, in words for the staff page. */
    static final class FetchFailed extends Exception {
        FetchFailed(String message) {
            super(message);
        }
    }

    /** What the last successful fetch said, to ask next time whether anything changed. */
    record Validators(String etag, String lastModified) {
        static final Validators NONE = new Validators(null, null);
    }

    /** A fetched document with its validators, or {@code notModified} (then no body). */
    record Fetched(boolean notModified, byte[] body, String contentType, Validators validators) {}

    private final FeedAddresses addresses;
    private final Duration timeout;
    private final long maxBytes;
    private final HttpClient client;
    private final ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor();

    FeedFetcher(FeedAddresses addresses,
                @Value("${weerbaar.feeds.timeout:PT20S}") Duration timeout,
                @Value("${weerbaar.feeds.max-size:2MB}") DataSize maxSize) {
        this.addresses = addresses;
        this.timeout = timeout;
        this.maxBytes = maxSize.toBytes();
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(readers)
                .build();
    }

    Fetched fetch(URI uri, Validators validators) throws FetchFailed {
        long deadline = System.nanoTime() + timeout.toNanos();
        URI current = uri;
        for (int redirects = 0; ; redirects++) {
            try {
                addresses.check(current);
            } catch (FeedAddresses.Refused e) {
                throw new FetchFailed(e.getMessage());
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(current).GET().timeout(remaining(deadline))
                    .header("Accept", "application/atom+xml, application/rss+xml, application/cap+xml, application/xml, "
                            + "text/xml, text/uri-list;q=0.9, */*;q=0.5")
                    .header("User-Agent", "Weerbaar feed reader");
            if (validators.etag() != null) {
                request.header("If-None-Match", validators.etag());
            }
            if (validators.lastModified() != null) {
                request.header("If-Modified-Since", validators.lastModified());
            }
            HttpResponse<InputStream> response = send(request.build(), deadline);
            int status = response.statusCode();
            if (status >= 300 && status < 400 && status != 304) {
                close(response.body());
                Optional<String> location = response.headers().firstValue("Location");
                if (location.isEmpty() || redirects >= MAX_REDIRECTS) {
                    throw new FetchFailed(current + " answered " + status + (location.isEmpty() ? " without a Location" : " once too often"));
                }
                current = current.resolve(location.get());
                continue;
            }
            if (status == 304) {
                close(response.body());
                return new Fetched(true, null, null, validators);
            }
            if (status != 200) {
                close(response.body());
                throw new FetchFailed(current + " answered HTTP " + status);
            }
            byte[] body = readLimited(response.body(), deadline, current);
            return new Fetched(false, body, response.headers().firstValue("Content-Type").orElse(""),
                    new Validators(response.headers().firstValue("ETag").orElse(null),
                            response.headers().firstValue("Last-Modified").orElse(null)));
        }
    }

    private HttpResponse<InputStream> send(HttpRequest request, long deadline) throws FetchFailed {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            throw new FetchFailed(request.uri() + " did not answer within " + timeout.toSeconds() + " s");
        } catch (IOException e) {
            throw new FetchFailed(request.uri() + " could not be reached: " + describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchFailed("stopped while fetching " + request.uri());
        }
    }

    /** Reads at most the limit, within the deadline; closing the stream on time-out ends the connection. */
    private byte[] readLimited(InputStream in, long deadline, URI uri) throws FetchFailed {
        CompletableFuture<byte[]> reading = CompletableFuture.supplyAsync(() -> {
            try (in) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                byte[] buffer = new byte[8192];
                for (int n; (n = in.read(buffer)) != -1; ) {
                    if (out.size() + n > maxBytes) {
                        return null;
                    }
                    out.write(buffer, 0, n);
                }
                return out.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, readers);
        try {
            byte[] body = reading.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (body == null) {
                throw new FetchFailed(uri + " is larger than " + maxBytes + " bytes");
            }
            return body;
        } catch (TimeoutException e) {
            close(in);
            throw new FetchFailed(uri + " did not answer within " + timeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            throw new FetchFailed(uri + " broke off: " + describe(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close(in);
            throw new FetchFailed("stopped while fetching " + uri);
        }
    }

    private static Duration remaining(long deadline) {
        return Duration.ofNanos(Math.max(TimeUnit.MILLISECONDS.toNanos(1), deadline - System.nanoTime()));
    }

    private static String describe(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static void close(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // The connection is given up either way.
        }
    }
}
