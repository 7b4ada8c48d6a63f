package nl.weerbaar.bulletins;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import javax.xml.XMLConstants;
import nl.weerbaar.system.ApplicationClock;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Writes a bulletin as an unsigned CAP 1.2 alert: one {@code info} per language, one {@code area}. */
final class CapWriter {

    /** CAP wants an explicit offset and no fraction: 2026-11-28T07:12:00+01:00. */
    private static final DateTimeFormatter CAP_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

    private CapWriter() {}

    /** Who sent it and where it is about, as names for people. */
    record Context(String organisationName, String areaName, String webBase) {}

    static String identifier(Bulletin bulletin) {
        return identifier(bulletin.id());
    }

    static String identifier(UUID id) {
        return "NL-WEERBAAR-" + id;
    }

    static String sender(String organisation) {
        return organisation + "@weerbaar.nl";
    }

    static String time(Instant instant) {
        return CAP_TIME.format(instant.truncatedTo(ChronoUnit.SECONDS).atZone(ApplicationClock.NETHERLANDS));
    }

    /** {@code sender,identifier,sent} of the bulletin referred to, as CAP's references element wants. */
    static String reference(Bulletin earlier) {
        return sender(earlier.organisation()) + "," + identifier(earlier) + "," + time(earlier.publishedAt());
    }

    static Document write(Bulletin bulletin, Instant sent, Bulletin referenced, Context context) {
        Document document = CapXml.newDocument();
        Element alert = document.createElementNS(CapXml.CAP_NAMESPACE, "alert");
        // Declared as an attribute too: canonicalisation while signing sees attributes, not the element's namespace.
        alert.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns", CapXml.CAP_NAMESPACE);
        document.appendChild(alert);
        add(alert, "identifier", identifier(bulletin));
        add(alert, "sender", sender(bulletin.organisation()));
        add(alert, "sent", time(sent));
        add(alert, "status", "Actual");
        add(alert, "msgType", bulletin.kind().capMessageType());
        add(alert, "source", "Weerbaar");
        add(alert, "scope", "Public");
        if (referenced != null) {
            add(alert, "references", reference(referenced));
        }
        info(alert, bulletin, "nl-NL", bulletin.dutch(), context);
        if (bulletin.english() != null) {
            info(alert, bulletin, "en-US", bulletin.english(), context);
        }
        return document;
    }

    private static void info(Element alert, Bulletin bulletin, String language, Bulletin.Text text, Context context) {
        Element info = add(alert, "info", null);
        add(info, "language", language);
        add(info, "category", bulletin.category());
        add(info, "event", bulletin.event());
        add(info, "responseType", switch (bulletin.kind()) {
            case allClear -> "AllClear";
            case cancel -> "None";
            case alert, update -> text.instruction() == null ? "Monitor" : "Execute";
        });
        add(info, "urgency", bulletin.urgency());
        add(info, "severity", bulletin.severity());
        add(info, "certainty", bulletin.certainty());
        add(info, "effective", time(bulletin.effective()));
        add(info, "expires", time(bulletin.expires()));
        add(info, "senderName", context.organisationName());
        add(info, "headline", text.headline());
        add(info, "description", text.description());
        if (text.instruction() != null) {
            add(info, "instruction", text.instruction());
        }
        add(info, "web", context.webBase() + "/controleren?id=" + bulletin.id());
        Element area = add(info, "area", null);
        add(area, "areaDesc", context.areaName());
        Element geocode = add(area, "geocode", null);
        add(geocode, "valueName", geocodeScheme(bulletin.areaCode()));
        add(geocode, "value", bulletin.areaCode());
    }

    /** CBS codes for municipalities, the national safety-region codes, ISO 3166 for the whole country. */
    private static String geocodeScheme(String areaCode) {
        if (areaCode.startsWith("GM")) {
            return "CBS";
        }
        return areaCode.startsWith("VR") ? "VEILIGHEIDSREGIO" : "ISO3166-1";
    }

    private static Element add(Element parent, String name, String text) {
        Element element = parent.getOwnerDocument().createElementNS(CapXml.CAP_NAMESPACE, name);
        if (text != null) {
            element.setTextContent(text);
        }
        parent.appendChild(element);
        return element;
    }
}
