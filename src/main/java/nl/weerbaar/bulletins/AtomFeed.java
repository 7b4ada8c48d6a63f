package nl.weerbaar.bulletins;

import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * An Atom feed (RFC 4287) of the published bulletins for an area, newest first. Each entry links
 * to its signed CAP message instead of copying it in: a copy inside the feed would be re-written
 * and no longer be the exact bytes that were signed.
 */
final class AtomFeed {

    private static final String ATOM = "http://www.w3.org/2005/Atom";

    private AtomFeed() {}

    /** What an entry needs besides the bulletin: names for people. */
    record Entry(Bulletin bulletin, String organisationName) {}

    static String write(String areaCode, String title, List<Entry> entries, String publicUrl) {
        try {
            StringWriter out = new StringWriter();
            XMLStreamWriter xml = XMLOutputFactory.newInstance().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace(ATOM);
            element(xml, "id", "urn:weerbaar:bulletins:" + areaCode);
            element(xml, "title", title);
            element(xml, "updated", entries.stream().map(e -> e.bulletin().publishedAt()).max(Instant::compareTo)
                    .orElse(Instant.EPOCH).toString());
            link(xml, "self", publicUrl + "/api/v1/areas/" + areaCode + "/bulletins.atom", "application/atom+xml");
            for (Entry entry : entries) {
                Bulletin b = entry.bulletin();
                xml.writeStartElement("entry");
                element(xml, "id", "urn:uuid:" + b.id());
                element(xml, "title", b.dutch().headline());
                element(xml, "updated", b.publishedAt().toString());
                element(xml, "published", b.publishedAt().toString());
                xml.writeStartElement("author");
                element(xml, "name", entry.organisationName());
                xml.writeEndElement();
                element(xml, "summary", b.dutch().description());
                link(xml, "alternate", publicUrl + "/controleren?id=" + b.id(), "text/html");
                link(xml, "enclosure", publicUrl + "/api/v1/bulletins/" + b.id() + "/cap", "application/cap+xml");
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
            return out.toString();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the Atom feed", e);
        }
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String rel, String href, String type) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("href", href);
        xml.writeAttribute("type", type);
    }
}
