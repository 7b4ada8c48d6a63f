package nl.weerbaar.bulletins;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;

/** Reading, writing and schema-checking CAP 1.2 documents, safely (no DTDs, no external entities). */
final class CapXml {

    static final String CAP_NAMESPACE = CapVersion.V1_2.namespace();
    static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";
    private static final Schema SCHEMA = loadSchema();

    private CapXml() {}

    /** Thrown for input that is not well-formed XML, or not CAP 1.2. */
    static final class NotCapException extends Exception {
        NotCapException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Thrown for input that declares a DOCTYPE: the door to entity expansion and fetching files or URLs, refused unread. */
    static final class UnsafeXmlException extends Exception {
        UnsafeXmlException() {
            super("the XML declares a DOCTYPE (a document type with possible entities); it was refused and nothing it names was fetched");
        }
    }

    /** Parses without ever reading a DTD; input with a DOCTYPE is refused as unsafe, other parse errors are unreadable. */
    static Document parseSafely(byte[] xml) throws NotCapException, UnsafeXmlException {
        if (SafeXml.declaresDoctype(xml)) {
            throw new UnsafeXmlException();
        }
        return parse(xml);
    }

    static Document parse(byte[] xml) throws NotCapException {
        try {
            DocumentBuilder builder = factory().newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new ByteArrayInputStream(xml));
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        } catch (SAXException | IOException e) {
            throw new NotCapException("not well-formed XML: " + e.getMessage(), e);
        }
    }

    static Document newDocument() {
        try {
            return factory().newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The declaration followed by the document on one line, exactly as it is signed and published. */
    static byte[] serialize(Document document) {
        try {
            Transformer transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.setOutputProperty(OutputKeys.INDENT, "no");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(DECLARATION.getBytes(StandardCharsets.US_ASCII));
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toByteArray();
        } catch (TransformerException e) {
            throw new IllegalStateException("cannot write XML", e);
        }
    }

    /**
     * Whether the bytes are exactly the form Weerbaar publishes. An XML signature covers meaning,
     * not layout; requiring the one published form as well makes every changed byte count.
     */
    static boolean inPublishedForm(byte[] original, Document parsed) {
        return Arrays.equals(original, serialize(parsed));
    }

    /** Checks a document against the CAP 1.2 schema; the message names the first problem. */
    static void validate(Document document) throws NotCapException {
        try {
            SCHEMA.newValidator().validate(new DOMSource(document));
        } catch (SAXException | IOException e) {
            throw new NotCapException("not valid CAP 1.2: " + e.getMessage(), e);
        }
    }

    private static DocumentBuilderFactory factory() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            return factory;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Schema loadSchema() {
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return factory.newSchema(CapXml.class.getResource("/cap/cap-1.2.xsd"));
        } catch (SAXException e) {
            throw new IllegalStateException("the bundled CAP 1.2 schema cannot be read", e);
        }
    }
}
