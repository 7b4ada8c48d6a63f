package nl.weerbaar.bulletins;

import java.io.ByteArrayInputStream;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Tells unsafe XML from merely unreadable XML before it is parsed. A DOCTYPE is how entity
 * attacks (external files, URLs, "billion laughs") arrive; CAP never needs one. The reader here
 * reports the DOCTYPE without reading the DTD or resolving anything it names.
 */
final class SafeXml {

    private static final XMLInputFactory FACTORY = newFactory();

    private SafeXml() {}

    /** Whether the prolog, before the first element, declares a DOCTYPE. Unreadable input does not count: the parser will say so. */
    static boolean declaresDoctype(byte[] xml) {
        XMLStreamReader reader = null;
        try {
            reader = FACTORY.createXMLStreamReader(new ByteArrayInputStream(xml));
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.DTD) {
                    return true;
                }
                if (event == XMLStreamConstants.START_ELEMENT) {
                    return false;
                }
            }
            return false;
        } catch (XMLStreamException e) {
            return false;
        } finally {
            close(reader);
        }
    }

    private static void close(XMLStreamReader reader) {
        try {
            if (reader != null) {
                reader.close();
            }
        } catch (XMLStreamException e) {
            // Reading from a byte array: nothing to release.
        }
    }

    private static XMLInputFactory newFactory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        return factory;
    }
}
