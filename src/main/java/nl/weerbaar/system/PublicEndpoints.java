package nl.weerbaar.system;

import java.util.List;

/**
 * The API calls of one module that need no login. Each module that has such calls declares them
 * in a bean of its own, beside its controllers; {@link PublicApi} gathers them for the security
 * chain and the API description. Paths are Ant patterns ({@code /api/v1/regions/**}).
 */
public interface PublicEndpoints {

    /** Paths anyone may read ({@code GET}, {@code HEAD}). */
    List<String> reads();

    /** Paths anyone may {@code POST} to because the call writes nothing: a check. */
    default List<String> checks() {
        return List.of();
    }

    /** Writes that authenticate their caller themselves (a shared secret), not with a user. Not public. */
    default List<String> selfAuthenticatedWrites() {
        return List.of();
    }
}
