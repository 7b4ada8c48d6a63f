package nl.weerbaar.bulletins;

import java.util.List;
import java.util.Locale;
import nl.weerbaar.points.AreaNotices;
import org.springframework.stereotype.Component;

/** The published bulletins in force for a place, as the support-point pages list them. */
@Component
class BulletinNotices implements AreaNotices {

    private final Bulletins bulletins;

    BulletinNotices(Bulletins bulletins) {
        this.bulletins = bulletins;
    }

    @Override
    public List<Notice> inForce(String municipalityCode, Locale locale) {
        boolean english = locale.getLanguage().equals("en");
        return bulletins.list(municipalityCode, true).stream()
                .filter(b -> b.status() == Bulletin.Status.published)
                .map(b -> {
                    Bulletin.Text text = english && b.english() != null ? b.english() : b.dutch();
                    return new Notice(text.headline(), b.severity(), bulletins.organisationName(b.organisation()),
                            b.publishedAt(), "/bulletins/" + b.id(), text.description(), text.instruction());
                })
                .toList();
    }
}
