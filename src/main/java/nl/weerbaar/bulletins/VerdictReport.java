package nl.weerbaar.bulletins;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import nl.weerbaar.system.CommandArguments;

/** What {@code ./weerbaar verify} prints and returns: 0 only for a genuine bulletin, 1 for any other verdict, 2 for bad use. */
final class VerdictReport {

    static final int GENUINE = 0;
    static final int NOT_GENUINE = 1;
    static final int USAGE = 2;

    private VerdictReport() {}

    /** Judges the file at the clock's time: a genuine bulletin past its expiry is no longer in force. */
    static int verify(List<String> args, TrustedKeysSource keys, Clock clock, PrintStream out, PrintStream err) throws Exception {
        CommandArguments arguments = CommandArguments.parse(args);
        if (arguments.positional().size() != 1) {
            err.println("usage: ./weerbaar verify FILE [--keys keyset.json]   (FILE: CAP XML, or the link from a poster's QR code)");
            return USAGE;
        }
        Path file = Path.of(arguments.positional().getFirst());
        if (!Files.isReadable(file)) {
            err.println("weerbaar: cannot read " + file);
            return USAGE;
        }
        byte[] content = Files.readAllBytes(file);
        TrustedKeys trusted = keys.load(arguments);
        // A CAP message is XML; anything else is taken as the code (or link) from a poster's QR code.
        String text = new String(content, java.nio.charset.StandardCharsets.UTF_8).strip();
        Instant now = clock.instant();
        Verdict verdict = text.startsWith("<") ? BulletinVerifier.verify(content, trusted, now)
                : PosterCode.verify(text, trusted, now);
        out.println(verdict.code().toUpperCase() + ": " + file);
        out.println(verdict.english());
        out.println(verdict.dutch());
        return verdict.trusted() ? GENUINE : NOT_GENUINE;
    }

    /** Where the trusted keys come from: an exported key set, or the server's database. */
    interface TrustedKeysSource {
        TrustedKeys load(CommandArguments arguments) throws Exception;
    }

    static TrustedKeys fromKeySetFile(CommandArguments arguments) throws Exception {
        return KeySetJson.trusted(Files.readString(Path.of(arguments.required("keys"))));
    }
}
