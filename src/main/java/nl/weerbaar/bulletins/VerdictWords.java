package nl.weerbaar.bulletins;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import nl.weerbaar.system.ApplicationClock;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

/**
 * A {@link Verdict} in plain words, Dutch or English, from the message bundles ({@code bulletins.verdict.words.*}).
 * The verdicts carry what is known; the words for residents live with the other words of the
 * pages, where a translator finds them.
 */
@Component
final class VerdictWords {

    static final Locale DUTCH = Locale.forLanguageTag("nl");

    private final MessageSource messages;

    VerdictWords(MessageSource messages) {
        this.messages = messages;
    }

    /** The bundles read as the application reads them: for the offline command, which runs without an application context. */
    static VerdictWords fromBundles() {
        ResourceBundleMessageSource bundles = new ResourceBundleMessageSource();
        bundles.setBasename("messages");
        bundles.setDefaultEncoding(StandardCharsets.UTF_8.name());
        bundles.setFallbackToSystemLocale(false);
        return new VerdictWords(bundles);
    }

    String dutch(Verdict verdict) {
        return explain(verdict, DUTCH);
    }

    String english(Verdict verdict) {
        return explain(verdict, Locale.ENGLISH);
    }

    String explain(Verdict verdict, Locale locale) {
        return switch (verdict) {
            case Verdict.Genuine g -> words(locale, "genuine", g.organisationName(), time(g.about().sent(), locale),
                    g.withdrawn() == null ? "" : " " + words(locale, g.withdrawn().trustAnchor() ? "genuine.trustWithdrawn"
                            : "genuine.revoked", time(g.withdrawn().from(), locale), g.withdrawn().reason()));
            case Verdict.Altered a -> words(locale, "altered", a.reason());
            case Verdict.UnknownSigner u -> words(locale, "unknownSigner",
                    words(locale, u.intact() ? "unknownSigner.intact" : "unknownSigner.broken"),
                    words(locale, "unknownSigner." + u.signerKind().name(), u.signer()),
                    u.certificateExpired() ? " " + words(locale, "unknownSigner.certificateExpired") : "");
            case Verdict.Revoked r -> words(locale, "revoked", time(r.about().sent(), locale), r.kid(), r.organisation(),
                    time(r.keyInvalidFrom(), locale), r.reason());
            case Verdict.Expired e -> words(locale, "expired", e.organisationName(), time(e.about().expires(), locale));
            case Verdict.NotSigned n -> words(locale, "notSigned");
            case Verdict.OutsideScope o -> words(locale, "outsideScope", o.authority(), String.join(", ", o.trustedFor()),
                    String.join(", ", o.messageAreas()));
            case Verdict.WeakAlgorithm w -> words(locale, "weakAlgorithm", w.algorithm(),
                    words(locale, w.matches() ? "weakAlgorithm.matches" : "weakAlgorithm.differs"), w.signer());
            case Verdict.OtherCapVersion o -> words(locale, "otherCapVersion", o.version(), explain(o.signature(), locale));
            case Verdict.NotCap n -> words(locale, "notCap", n.root());
            case Verdict.UnsafeXml u -> words(locale, "unsafeXml");
            case Verdict.UnreadableXml u -> words(locale, "unreadableXml", u.reason());
        };
    }

    private String words(Locale locale, String key, Object... arguments) {
        return messages.getMessage("bulletins.verdict.words." + key, arguments, locale);
    }

    /** A moment as people read it, in Dutch time. */
    private String time(Instant instant, Locale locale) {
        return instant == null ? words(locale, "time.unknown")
                : DateTimeFormatter.ofPattern(words(locale, "time.pattern"), locale).format(instant.atZone(ApplicationClock.NETHERLANDS));
    }
}
