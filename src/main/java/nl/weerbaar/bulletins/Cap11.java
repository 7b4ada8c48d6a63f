package nl.weerbaar.bulletins;

import javax.xml.XMLConstants;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Reads CAP 1.1 beside 1.2. CAP 1.2 is a small revision of 1.1: another namespace; 1.1 still
 * allows the certainty "Very Likely" (deprecated there, gone in 1.2) and times in any
 * xs:dateTime form; 1.2 adds the response types "Avoid" and "AllClear". So a 1.1 message is
 * checked by the bundled 1.2 schema on a copy moved into the 1.2 namespace with those
 * differences bridged, and by a check of its own for what 1.1 does not have. The message itself
 * is kept as received: a signature covers it.
 */
final class Cap11 {

    private Cap11() {}

    /** Checks a CAP 1.1 message; the exception names the first problem. */
    static void validate(Document cap11) throws CapXml.NotCapException {
        NodeList responseTypes = cap11.getElementsByTagNameNS(CapVersion.V1_1.namespace(), "responseType");
        for (int i = 0; i < responseTypes.getLength(); i++) {
            String value = responseTypes.item(i).getTextContent().trim();
            if (value.equals("Avoid") || value.equals("AllClear")) {
                throw new CapXml.NotCapException("not valid CAP 1.1: the response type " + value + " exists only from CAP 1.2 on", null);
            }
        }
        try {
            CapXml.validate(asCap12(cap11));
        } catch (CapXml.NotCapException e) {
            throw new CapXml.NotCapException(e.getMessage().replace("not valid CAP 1.2", "not valid CAP 1.1"), e);
        }
    }

    /** A copy in the CAP 1.2 namespace, with 1.1's "Very Likely" as 1.2's "Likely" and UTC written as CAP writes it. */
    static Document asCap12(Document cap11) {
        Document copy = (Document) cap11.cloneNode(true);
        move(copy, copy.getDocumentElement());
        return copy;
    }

    private static void move(Document document, Element element) {
        Element moved = element;
        if (CapVersion.V1_1.namespace().equals(element.getNamespaceURI())) {
            moved = (Element) document.renameNode(element, CapVersion.V1_2.namespace(), element.getTagName());
            bridge(moved);
        }
        NamedNodeMap attributes = moved.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(attribute.getNamespaceURI())
                    && CapVersion.V1_1.namespace().equals(attribute.getValue())) {
                attribute.setValue(CapVersion.V1_2.namespace());
            }
        }
        for (Node child = moved.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element childElement) {
                move(document, childElement);
            }
        }
    }

    private static void bridge(Element element) {
        String text = element.getTextContent().trim();
        switch (element.getLocalName()) {
            case "certainty" -> {
                if (text.equals("Very Likely")) {
                    element.setTextContent("Likely");
                }
            }
            case "sent", "effective", "onset", "expires" -> {
                if (text.endsWith("Z")) {
                    element.setTextContent(text.substring(0, text.length() - 1) + "-00:00");
                }
            }
            default -> { }
        }
    }
}
