package nl.weerbaar.system;

import java.util.List;
import java.util.function.Function;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.util.AntPathMatcher;

/**
 * Which API calls are open to anyone, as the modules declare them ({@link PublicEndpoints}): the
 * one copy of that rule, which the security chain enforces and the API description shows.
 */
@Component
public final class PublicApi {

    private static final AntPathMatcher PATHS = new AntPathMatcher();

    private final List<String> reads;
    private final List<String> checks;
    private final List<String> selfAuthenticatedWrites;

    PublicApi(ObjectProvider<PublicEndpoints> modules) {
        List<PublicEndpoints> declared = modules.orderedStream().toList();
        this.reads = gather(declared, PublicEndpoints::reads);
        this.checks = gather(declared, PublicEndpoints::checks);
        this.selfAuthenticatedWrites = gather(declared, PublicEndpoints::selfAuthenticatedWrites);
    }

    private static List<String> gather(List<PublicEndpoints> declared, Function<PublicEndpoints, List<String>> paths) {
        return declared.stream().flatMap(module -> paths.apply(module).stream()).distinct().sorted().toList();
    }

    public String[] reads() {
        return reads.toArray(String[]::new);
    }

    public String[] checks() {
        return checks.toArray(String[]::new);
    }

    public String[] selfAuthenticatedWrites() {
        return selfAuthenticatedWrites.toArray(String[]::new);
    }

    /** Whether anyone may make this call without login; {@code path} is a request path or a path template. */
    public boolean isPublic(String method, String path) {
        List<String> open = switch (method) {
            case "GET", "HEAD" -> reads;
            case "POST" -> checks;
            default -> List.of();
        };
        return open.stream().anyMatch(pattern -> PATHS.match(pattern, path));
    }
}
