package nl.weerbaar.bulletins;

import java.time.Instant;

/** A verdict as JSON: the code, whether to trust it, plain words in Dutch and English, and what the message says. */
record VerdictView(String verdict, boolean trusted, Explanation explanation, String organisation, String keyId,
                   String identifier, String sender, String headline, String area, Instant sent, Instant expires) {

    record Explanation(String nl, String en) {}

    static VerdictView of(Verdict verdict) {
        Verdict.About about = switch (verdict) {
            case Verdict.Genuine g -> g.about();
            case Verdict.UnknownSigner u -> u.about();
            case Verdict.Revoked r -> r.about();
            case Verdict.Expired e -> e.about();
            case Verdict.NotSigned n -> n.about();
            case Verdict.Altered a -> null;
        };
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
        return new VerdictView(verdict.code(), verdict.trusted(), new Explanation(verdict.dutch(), verdict.english()),
                organisation, kid, about == null ? null : about.identifier(), about == null ? null : about.sender(),
                about == null ? null : about.headline(), about == null ? null : about.area(),
                about == null ? null : about.sent(), about == null ? null : about.expires());
    }
}
