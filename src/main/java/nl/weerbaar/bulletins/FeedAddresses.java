package nl.weerbaar.bulletins;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Which addresses Weerbaar may fetch a feed or a linked message from. A coordinator names the URL,
 * so without a rule they could make the server read its own network: the database host, an admin
 * port, a cloud metadata service (169.254.169.254). Only http and https are fetched, without user
 * names in the URL, and never from an address that is loopback, private (RFC 1918, IPv6 unique
 * local), link-local, carrier-grade NAT (100.64.0.0/10), unspecified or multicast, unless its host
 * is listed in {@code weerbaar.feeds.allowed-hosts} ({@code WEERBAAR_FEEDS_ALLOWED_HOSTS}: host
 * names or literal addresses, comma-separated, e.g. a feed server inside the network).
 *
 * <p>Every address a host name resolves to is checked before each request (also each redirect
 * and each linked message), not only when the feed is subscribed to. A name that changes its
 * answer between the check and the connection (DNS rebinding) is not caught here; where that
 * matters, send outgoing traffic through a proxy that enforces the same rule.
 */
@Component
class FeedAddresses {

    /** Thrown for an address that may not be fetched; the message says why, in words for the coordinator. */
    static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }

    private final List<String> allowedHosts;

    FeedAddresses(@Value("${weerbaar.feeds.allowed-hosts:}") List<String> allowedHosts) {
        this.allowedHosts = allowedHosts.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).filter(h -> !h.isEmpty()).toList();
    }

    /** The form of a URL, without looking its host up: for a subscription, refused at once when plainly internal. */
    Optional<String> problemWithForm(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("must be an absolute http or https URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null || uri.getHost().isBlank()) {
            return Optional.of("must be an absolute http or https URL with a host name");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not carry a user name or password");
        }
        String host = host(uri);
        if (allowed(host)) {
            return Optional.empty();
        }
        if (host.equals("localhost") || host.endsWith(".localhost") || host.endsWith(".internal") || host.endsWith(".local")) {
            return Optional.of("must not name this server or its own network (" + host + ")");
        }
        if (isLiteralAddress(host)) {
            try {
                return internal(InetAddress.getByName(host)) ? Optional.of("must not point into a private or local network ("
                        + host + ")") : Optional.empty();
            } catch (UnknownHostException e) {
                return Optional.of("must be an absolute http or https URL with a host name");
            }
        }
        return Optional.empty();
    }

    /** Checks a URL just before it is fetched, with every address its host resolves to. */
    void check(URI uri) throws Refused {
        Optional<String> problem = problemWithForm(uri.toString());
        if (problem.isPresent()) {
            throw new Refused("the address " + problem.get());
        }
        String host = host(uri);
        if (allowed(host)) {
            return;
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (internal(address)) {
                    throw new Refused(host + " resolves to " + address.getHostAddress()
                            + ", an address in a private or local network, which is not fetched");
                }
            }
        } catch (UnknownHostException e) {
            throw new Refused("the host " + host + " is not known (DNS)");
        }
    }

    private boolean allowed(String host) {
        return allowedHosts.contains(host);
    }

    private static String host(URI uri) {
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static boolean isLiteralAddress(String host) {
        return host.contains(":") || host.matches("[0-9.]+");
    }

    static boolean internal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            return first == 0 || (first == 100 && second >= 64 && second <= 127) || first >= 240;
        }
        if (address instanceof Inet6Address) {
            boolean uniqueLocal = (bytes[0] & 0xfe) == 0xfc;
            boolean mappedV4 = isZero(bytes, 0, 10) && (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff;
            if (mappedV4) {
                try {
                    return internal(InetAddress.getByAddress(Arrays.copyOfRange(bytes, 12, 16)));
                } catch (UnknownHostException e) {
                    return true;
                }
            }
            return uniqueLocal;
        }
        return true;
    }

    private static boolean isZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
