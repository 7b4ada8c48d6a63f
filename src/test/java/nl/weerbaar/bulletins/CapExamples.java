package nl.weerbaar.bulletins;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The CAP messages under src/test/resources/cap-examples: the real ones, and the made-up ones beside them. */
final class CapExamples {

    /** Near the made-up messages' sent time (28 November 2026), while their certificates are valid and the messages in force. */
    static final Instant WHILE_MADE_UP_IN_FORCE = Instant.parse("2026-11-28T12:00:00Z");
    static final TrustedKeys NO_KEYS = TrustedKeys.of(List.of(), Map.of(), List.of());

    private CapExamples() {}

    static byte[] read(String file) {
        try (InputStream in = CapExamples.class.getResourceAsStream("/cap-examples/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no test message " + file);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
