package nl.weerbaar.bulletins;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import nl.weerbaar.system.CommandArguments;

/**
 * What {@code ./weerbaar verify} prints and returns: one exit code per verdict, so a script can
 * tell them apart, and 0 only for a genuine bulletin.
 */
final class VerdictReport {

    static final int USAGE = 2;

    /** Each verdict's exit code. 1 is not signed (as it was when every other verdict was 1 as well); 2 stays bad use. */
    static final String EXIT_CODES = """
            exit codes: 0 genuine, 1 notSigned, 2 bad use, 3 expired, 4 revoked, 5 altered, 6 unknownSigner,
                        7 weakAlgorithm, 8 otherCapVersion, 9 notCap, 10 unsafeXml, 11 unreadableXml, 12 outsideScope""";

    private VerdictReport() {}

    static int exitCode(Verdict verdict) {
        return switch (verdict) {
            case Verdict.Genuine g -> 0;
            case Verdict.NotSigned n -> 1;
            case Verdict.Expired e -> 3;
            case Verdict.Revoked r -> 4;
            case Verdict.Altered a -> 5;
            case Verdict.UnknownSigner u -> 6;
            case Verdict.WeakAlgorithm w -> 7;
            case Verdict.OtherCapVersion o -> 8;
            case Verdict.NotCap n -> 9;
            case Verdict.UnsafeXml u -> 10;
            case Verdict.UnreadableXml u -> 11;
            case Verdict.OutsideScope o -> 12;
        };
    }

    /** Judges the file at the clock's time: a genuine bulletin past its expiry is no longer in force. */
    static int verify(List<String> args, TrustedKeysSource keys, VerdictWords words, Clock clock, PrintStream out, PrintStream err)
            throws Exception {
        CommandArguments arguments = CommandArguments.parse(args);
        if (arguments.positional().size() != 1) {
            err.println("usage: ./weerbaar verify FILE [--keys keyset.json]   (FILE: CAP XML, or the link from a poster's QR code, in a file or as it is)");
            err.println(EXIT_CODES);
            return USAGE;
        }
        String file = arguments.positional().getFirst();
        byte[] content;
        if (isPosterLink(file)) { // the link as a phone's scanner shows it, pasted without a file
            content = file.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        } else if (Files.isReadable(Path.of(file))) {
            content = Files.readAllBytes(Path.of(file));
        } else {
            err.println("weerbaar: cannot read " + file);
            return USAGE;
        }
        TrustedKeys trusted = keys.load(arguments);
        // A CAP message is XML; anything else is taken as the code (or link) from a poster's QR code.
        String text = new String(content, StandardCharsets.UTF_8).replace("\uFEFF", "").strip();
        Instant now = clock.instant();
        Verification verification = text.startsWith("<") ? BulletinVerifier.check(content, trusted, now)
                : Verification.of(PosterCode.verify(text, trusted, now));
        Verdict verdict = verification.verdict();
        out.println(verdict.code().toUpperCase() + ": " + file);
        out.println(words.english(verdict));
        out.println(words.dutch(verdict));
        if (verification.capVersion() != null) {
            out.println("CAP " + verification.capVersion());
        }
        if (verification.signatures().size() > 1) {
            for (Verification.SignatureLine line : verification.signatures()) {
                out.printf("signature %d (%s, %s): %s%n", line.number(), line.signer(), line.algorithm(), words.english(line.verdict()));
            }
        }
        return exitCode(verdict);
    }

    private static boolean isPosterLink(String argument) {
        return (argument.startsWith("https://") || argument.startsWith("http://")) && argument.contains("b=");
    }

    /** Where the trusted keys come from: an exported key set, or the server's database. */
    interface TrustedKeysSource {
        TrustedKeys load(CommandArguments arguments) throws Exception;
    }

    static TrustedKeys fromKeySetFile(CommandArguments arguments) throws Exception {
        return KeySetJson.trusted(Files.readString(Path.of(arguments.required("keys"))));
    }
}
