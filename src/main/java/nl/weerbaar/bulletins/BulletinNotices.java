package nl.weerbaar.bulletins;

import java.util.List;
import java.util.Locale;
import nl.weerbaar.points.AreaNotices;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The published bulletins in force for a place, as the support-point pages list them: signed here, so genuine. */
@Component
@Order(1)
class BulletinNotices implements AreaNotices {

    private final Bulletins bulletins;
    private final MessageSource messages;

    BulletinNotices(Bulletins bulletins, MessageSource messages) {
        this.bulletins = bulletins;
        this.messages = messages;
    }

    @Override
    public List<Notice> inForce(String municipalityCode, Locale locale) {
        boolean english = locale.getLanguage().equals("en");
        return bulletins.list(municipalityCode, true).stream()
                .filter(b -> b.status() == Bulletin.Status.published)
                .map(b -> {
                    Bulletin.Text text = english && b.english() != null ? b.english() : b.dutch();
                    String issuer = bulletins.organisationName(b.organisation());
                    return new Notice(text.headline(), b.severity(), issuer, b.publishedAt(), "/berichten/" + b.id(),
                            text.description(), text.instruction(), "genuine",
                            messages.getMessage("bulletins.verdict.genuine", null, locale), issuer);
                })
                .toList();
    }
}
