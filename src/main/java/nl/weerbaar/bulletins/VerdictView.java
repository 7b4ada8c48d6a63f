package nl.weerbaar.bulletins;

import java.time.Instant;
import java.util.List;

/**
 * A verdict as JSON: the code, whether to trust it, plain words in Dutch and English, what the
 * message says, its CAP version and every signature it carries with what each one shows.
 */
record VerdictView(String verdict, boolean trusted, Explanation explanation, String organisation, String keyId,
                   String identifier, String sender, String headline, String area, Instant sent, Instant expires,
                   String capVersion, List<SignatureView> signatures) {

    record Explanation(String nl, String en) {}

    record SignatureView(int number, String signer, String algorithm, boolean weakAlgorithm, String verdict,
                         Explanation explanation) {}

    static VerdictView of(Verification verification, VerdictWords words) {
        Verdict verdict = verification.verdict();
        Verdict.About about = about(verdict);
        String organisation = switch (verdict) {
            case Verdict.Genuine g -> g.organisation();
            case Verdict.Revoked r -> r.organisation();
            default -> null;
        };
        String kid = switch (verdict) {
            case Verdict.Genuine g -> g.kid();
            case Verdict.Revoked r -> r.kid();
            default -> null;
        };
        List<SignatureView> signatures = verification.signatures().stream().map(line -> new SignatureView(line.number(),
                line.signer(), line.algorithm(), line.weakAlgorithm(), line.verdict().code(),
                new Explanation(words.dutch(line.verdict()), words.english(line.verdict())))).toList();
        return new VerdictView(verdict.code(), verdict.trusted(), new Explanation(words.dutch(verdict), words.english(verdict)),
                organisation, kid, about == null ? null : about.identifier(), about == null ? null : about.sender(),
                about == null ? null : about.headline(), about == null ? null : about.area(),
                about == null ? null : about.sent(), about == null ? null : about.expires(),
                verification.capVersion(), signatures);
    }

    /** What the message says about itself; null where it was never read (not XML, not CAP, or damaged). */
    static Verdict.About about(Verdict verdict) {
        return switch (verdict) {
            case Verdict.Genuine g -> g.about();
            case Verdict.UnknownSigner u -> u.about();
            case Verdict.Revoked r -> r.about();
            case Verdict.Expired e -> e.about();
            case Verdict.NotSigned n -> n.about();
            case Verdict.WeakAlgorithm w -> w.about();
            case Verdict.OutsideScope o -> o.about();
            case Verdict.OtherCapVersion o -> o.about();
            case Verdict.Altered a -> null;
            case Verdict.NotCap n -> null;
            case Verdict.UnsafeXml u -> null;
            case Verdict.UnreadableXml u -> null;
        };
    }
}
