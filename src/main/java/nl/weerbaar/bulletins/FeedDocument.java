package nl.weerbaar.bulletins;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The CAP messages a feed links to. Three forms are read: Atom (per entry the link typed as CAP,
 * else its enclosure, else its alternate link), RSS 2.0 (per item the enclosure, else the link),
 * and a CAP index as {@code text/uri-list} (RFC 2483: one URL a line, {@code #} for comments).
 * Relative links resolve against the feed's address. XML is read as safely as CAP: a DOCTYPE is
 * refused unread.
 */
final class FeedDocument {

    static final String ATOM = "http://www.w3.org/2005/Atom";
    /** More links than this in one feed are not followed: a feed of alerts in force is short. */
    static final int MAX_LINKS = 200;

    private FeedDocument() {}

    /** Thrown for a feed that is none of the three forms, or unsafe XML; the message says which. */
    static final class Malformed extends Exception {
        Malformed(String message) {
            super(message);
        }
    }

    static List<URI> links(byte[] body, String contentType, URI base) throws Malformed {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        String text = new String(body, StandardCharsets.UTF_8).stripLeading();
        if (type.startsWith("text/uri-list") || !text.startsWith("<") && !text.isEmpty()) {
            return uriList(text, base, type.startsWith("text/uri-list"));
        }
        Document document;
        try {
            document = CapXml.parseSafely(body);
        } catch (CapXml.UnsafeXmlException e) {
            throw new Malformed("the feed is unsafe XML: " + e.getMessage());
        } catch (CapXml.NotCapException e) {
            throw new Malformed("the feed is " + e.getMessage());
        }
        Element root = document.getDocumentElement();
        Set<String> hrefs = new LinkedHashSet<>();
        if (ATOM.equals(root.getNamespaceURI()) && root.getLocalName().equals("feed")) {
            for (Element entry : children(root, ATOM, "entry")) {
                String href = atomLink(entry);
                if (href != null) {
                    hrefs.add(href);
                }
            }
        } else if (root.getLocalName().equals("rss") && root.getNamespaceURI() == null) {
            for (Element channel : children(root, null, "channel")) {
                for (Element item : children(channel, null, "item")) {
                    String href = rssLink(item);
                    if (href != null) {
                        hrefs.add(href);
                    }
                }
            }
        } else {
            throw new Malformed("the feed is neither Atom nor RSS 2.0 (its root element is " + root.getLocalName()
                    + "), nor a text/uri-list");
        }
        return resolved(hrefs, base);
    }

    /** Declared as a uri-list, relative lines are allowed; undeclared text must be absolute URLs, one a line, to count as one. */
    private static List<URI> uriList(String text, URI base, boolean declared) throws Malformed {
        Set<String> hrefs = new LinkedHashSet<>();
        for (String line : text.split("\r?\n")) {
            String trimmed = line.strip();
            if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                if (!declared && !trimmed.matches("(?i)https?://\\S+")) {
                    throw new Malformed("the feed is neither Atom nor RSS 2.0 nor a list of URLs (it reads \""
                            + abbreviate(trimmed) + "\")");
                }
                hrefs.add(trimmed);
            }
        }
        return resolved(hrefs, base);
    }

    private static List<URI> resolved(Set<String> hrefs, URI base) throws Malformed {
        List<URI> links = new ArrayList<>();
        for (String href : hrefs) {
            if (links.size() == MAX_LINKS) {
                break;
            }
            try {
                links.add(base.resolve(new URI(href.strip())));
            } catch (URISyntaxException | IllegalArgumentException e) {
                throw new Malformed("the feed links to \"" + abbreviate(href) + "\", which is no URL");
            }
        }
        return links;
    }

    /** A link typed as CAP, else the enclosure, else the alternate (or untyped) link. */
    private static String atomLink(Element entry) {
        String enclosure = null;
        String alternate = null;
        for (Element link : children(entry, ATOM, "link")) {
            String href = link.getAttribute("href");
            String rel = link.getAttribute("rel");
            if (href.isBlank()) {
                continue;
            }
            if (link.getAttribute("type").toLowerCase(Locale.ROOT).contains("cap")) {
                return href;
            }
            if (rel.equals("enclosure") && enclosure == null) {
                enclosure = href;
            } else if ((rel.isEmpty() || rel.equals("alternate")) && alternate == null) {
                alternate = href;
            }
        }
        return enclosure != null ? enclosure : alternate;
    }

    private static String rssLink(Element item) {
        for (Element enclosure : children(item, null, "enclosure")) {
            if (!enclosure.getAttribute("url").isBlank()) {
                return enclosure.getAttribute("url");
            }
        }
        for (Element link : children(item, null, "link")) {
            if (!link.getTextContent().isBlank()) {
                return link.getTextContent().strip();
            }
        }
        return null;
    }

    private static List<Element> children(Element parent, String namespace, String name) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            if (node instanceof Element element && name.equals(element.getLocalName())
                    && Objects.equals(namespace, element.getNamespaceURI())) {
                found.add(element);
            }
        }
        return found;
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "…";
    }
}
