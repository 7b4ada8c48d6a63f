package nl.weerbaar.bulletins;

import java.util.List;
import java.util.Locale;
import nl.weerbaar.points.AreaNotices;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Alerts in force from other authorities (subscribed feeds and imports), listed after our own
 * bulletins, each with what its signature showed and where it came from. A municipality's pages
 * show those for the municipality, its region and the whole country.
 */
@Component
@Order(2)
class ForeignAlertNotices implements AreaNotices {

    private final CapImports imports;
    private final Bulletins bulletins;
    private final MessageSource messages;

    ForeignAlertNotices(CapImports imports, Bulletins bulletins, MessageSource messages) {
        this.imports = imports;
        this.bulletins = bulletins;
        this.messages = messages;
    }

    @Override
    public List<Notice> inForce(String municipalityCode, Locale locale) {
        return imports.inForce(bulletins.areasConcerning(municipalityCode.toUpperCase(Locale.ROOT))).stream()
                .map(alert -> new Notice(alert.headline() == null ? "—" : alert.headline(), alert.severity(), alert.source(),
                        alert.sent(), "/controleren?id=" + alert.id(), null, null, alert.verdict(),
                        messages.getMessage("bulletins.verdict." + alert.verdict(), null, alert.verdict(), locale), alert.source()))
                .toList();
    }
}
