package nl.weerbaar.bulletins;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.xml.crypto.AlgorithmMethod;
import javax.xml.crypto.KeySelector;
import javax.xml.crypto.KeySelectorException;
import javax.xml.crypto.KeySelectorResult;
import javax.xml.crypto.MarshalException;
import javax.xml.crypto.XMLCryptoContext;
import javax.xml.crypto.XMLStructure;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.SignedInfo;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureException;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfo;
import javax.xml.crypto.dsig.keyinfo.KeyInfoFactory;
import javax.xml.crypto.dsig.keyinfo.KeyValue;
import javax.xml.crypto.dsig.keyinfo.X509Data;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.crypto.dsig.spec.TransformParameterSpec;
import org.w3c.dom.DOMException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Enveloped XML signatures (XML-DSig) on CAP alerts, as CAP 1.2 allows: ECDSA P-256 with SHA-256
 * over the whole alert, exclusive canonicalisation, the key id in {@code KeyName} and the public
 * key in {@code KeyValue}. The embedded key only helps to read the signature: trust comes from
 * the published key set.
 */
final class XmlSignatures {

    private static final XMLSignatureFactory FACTORY = XMLSignatureFactory.getInstance("DOM");

    private XmlSignatures() {}

    static void sign(Document alert, String kid, PrivateKey privateKey, PublicKey publicKey) {
        try {
            Reference whole = FACTORY.newReference("", FACTORY.newDigestMethod(DigestMethod.SHA256, null),
                    List.of(FACTORY.newTransform(Transform.ENVELOPED, (TransformParameterSpec) null),
                            FACTORY.newTransform(CanonicalizationMethod.EXCLUSIVE, (TransformParameterSpec) null)),
                    null, null);
            SignedInfo signedInfo = FACTORY.newSignedInfo(
                    FACTORY.newCanonicalizationMethod(CanonicalizationMethod.EXCLUSIVE, (C14NMethodParameterSpec) null),
                    FACTORY.newSignatureMethod(SignatureMethod.ECDSA_SHA256, null), List.of(whole));
            KeyInfoFactory keyInfos = FACTORY.getKeyInfoFactory();
            KeyInfo keyInfo = keyInfos.newKeyInfo(List.of(keyInfos.newKeyName(kid), keyInfos.newKeyValue(publicKey)));
            DOMSignContext context = new DOMSignContext(privateKey, alert.getDocumentElement());
            context.setDefaultNamespacePrefix("ds");
            FACTORY.newXMLSignature(signedInfo, keyInfo).sign(context);
            removeLineBreaks(signatureElements(alert).getLast());
        } catch (GeneralSecurityException | MarshalException | XMLSignatureException e) {
            throw new IllegalStateException("cannot sign the CAP message", e);
        }
    }

    /** The {@code ds:Signature} elements directly inside the alert, where enveloped signatures belong, in document order. */
    static List<Element> signatureElements(Document document) {
        List<Element> signatures = new ArrayList<>();
        for (Node child = document.getDocumentElement().getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && isSignature(element)) {
                signatures.add(element);
            }
        }
        return signatures;
    }

    /** A signature element with no {@code SignedInfo} at all: an empty placeholder, not a damaged signature. */
    static boolean isPlaceholder(Element signature) {
        return signature.getElementsByTagNameNS(XMLSignature.XMLNS, "SignedInfo").getLength() == 0;
    }

    /**
     * A copy of the document as it was when the signature at {@code index} was made: signatures
     * appended after it are taken out. An aggregator (such as Canada's NAAD System) adds its own
     * enveloped signature after the issuer's; the enveloped transform removes only the signature
     * being checked, so the issuer's would otherwise never match.
     */
    static Element asSignedBy(Document document, int index) {
        List<Element> inDocument = signatureElements(document);
        if (index == inDocument.size() - 1) {
            return inDocument.get(index); // nothing was signed after it: no copy needed
        }
        Document copy;
        try {
            copy = (Document) document.cloneNode(true);
        } catch (DOMException e) {
            // Namespaces the parser let through but a DOM cannot copy (a damaged message): checked as it
            // stands, later signatures and all, it does not match, which is the truth about it.
            return inDocument.get(index);
        }
        List<Element> signatures = signatureElements(copy);
        for (Element later : signatures.subList(index + 1, signatures.size())) {
            later.getParentNode().removeChild(later);
        }
        return signatures.get(index);
    }

    /** The key id in {@code ds:KeyName}, if any. */
    static Optional<String> keyName(Element signature) {
        NodeList names = signature.getElementsByTagNameNS(XMLSignature.XMLNS, "KeyName");
        return names.getLength() == 1 ? Optional.of(names.item(0).getTextContent()) : Optional.empty();
    }

    /** What checking a signature with one key found; {@code certificates} as the signature carries them, signer first. */
    record Check(boolean valid, boolean wholeDocument, Optional<PublicKey> embeddedKey, List<X509Certificate> certificates) {

        Optional<X509Certificate> certificate() {
            return certificates.stream().findFirst();
        }
    }

    /**
     * Checks the signature with the given key, or, when empty, with the key or certificate it
     * carries. Strong algorithms are checked under the JDK's secure validation. That policy refuses
     * SHA-1 outright, which would make a weak signature look broken; so a weak one is checked
     * without it, but only after {@link WeakSignatureGuard} has made sure it points at nothing
     * outside the message and uses no transform beyond the enveloped one and canonicalisation.
     */
    static Check check(Element signature, Optional<PublicKey> trusted) throws MarshalException {
        boolean weak = SignatureAlgorithm.of(signature).weak();
        if (weak) {
            WeakSignatureGuard.requireSelfContained(signature);
        }
        EmbeddedKeySelector selector = new EmbeddedKeySelector(trusted);
        DOMValidateContext context = new DOMValidateContext(selector, signature);
        context.setProperty("org.jcp.xml.dsig.secureValidation", !weak);
        XMLSignature xmlSignature = FACTORY.unmarshalXMLSignature(context);
        boolean valid;
        try {
            valid = xmlSignature.validate(context);
        } catch (XMLSignatureException e) {
            valid = false;
        }
        List<Reference> references = xmlSignature.getSignedInfo().getReferences();
        boolean whole = references.size() == 1 && "".equals(references.getFirst().getURI());
        return new Check(valid, whole, embeddedKey(xmlSignature.getKeyInfo()), certificates(xmlSignature.getKeyInfo()));
    }

    private static Optional<PublicKey> embeddedKey(KeyInfo keyInfo) {
        if (keyInfo == null) {
            return Optional.empty();
        }
        for (XMLStructure item : keyInfo.getContent()) {
            if (item instanceof KeyValue value) {
                try {
                    return Optional.of(value.getPublicKey());
                } catch (KeyException e) {
                    return Optional.empty();
                }
            }
        }
        return certificates(keyInfo).stream().findFirst().map(X509Certificate::getPublicKey);
    }

    private static List<X509Certificate> certificates(KeyInfo keyInfo) {
        List<X509Certificate> certificates = new ArrayList<>();
        if (keyInfo == null) {
            return certificates;
        }
        for (XMLStructure item : keyInfo.getContent()) {
            if (item instanceof X509Data data) {
                for (Object content : data.getContent()) {
                    if (content instanceof X509Certificate certificate) {
                        certificates.add(certificate);
                    }
                }
            }
        }
        return certificates;
    }

    /**
     * Signature values and keys are written without line breaks. Base64 readers skip white space,
     * so white space there could change without the check noticing; the signed part
     * ({@code SignedInfo}) keeps its layout, as any change to it breaks the signature anyway.
     */
    private static void removeLineBreaks(Node node) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.TEXT_NODE) {
                child.setNodeValue(child.getNodeValue().replaceAll("\\s", ""));
            } else if (!isSignedInfo(child)) {
                removeLineBreaks(child);
            }
        }
    }

    /** Whether any text in the signature outside {@code SignedInfo} holds white space: never as Weerbaar writes it. */
    static boolean hasWhiteSpace(Node node) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            boolean found = child.getNodeType() == Node.TEXT_NODE
                    ? child.getNodeValue().chars().anyMatch(Character::isWhitespace)
                    : !isSignedInfo(child) && hasWhiteSpace(child);
            if (found) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the signature value and the key are written in the one canonical base64 form. The
     * last base64 character can carry unused bits: changing only those gives the same bytes, so a
     * changed byte there would otherwise pass unnoticed.
     */
    static boolean base64IsCanonical(Element signature) {
        for (String name : new String[] {"SignatureValue", "KeyValue"}) {
            NodeList found = signature.getElementsByTagNameNS(XMLSignature.XMLNS, name);
            for (int i = 0; i < found.getLength(); i++) {
                if (!leavesAreCanonicalBase64(found.item(i))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean leavesAreCanonicalBase64(Node node) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.TEXT_NODE && !canonicalBase64(child.getNodeValue())) {
                return false;
            }
            if (child.getNodeType() == Node.ELEMENT_NODE && !leavesAreCanonicalBase64(child)) {
                return false;
            }
        }
        return true;
    }

    static boolean canonicalBase64(String text) {
        try {
            return Base64.getEncoder().encodeToString(Base64.getDecoder().decode(text)).equals(text);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isSignature(Node node) {
        return XMLSignature.XMLNS.equals(node.getNamespaceURI()) && "Signature".equals(node.getLocalName());
    }

    private static boolean isSignedInfo(Node node) {
        return XMLSignature.XMLNS.equals(node.getNamespaceURI()) && "SignedInfo".equals(node.getLocalName());
    }

    /** Uses the trusted key when given; otherwise the key the signature carries, to tell "intact" from "altered". */
    private static final class EmbeddedKeySelector extends KeySelector {

        private final Optional<PublicKey> trusted;

        EmbeddedKeySelector(Optional<PublicKey> trusted) {
            this.trusted = trusted;
        }

        @Override
        public KeySelectorResult select(KeyInfo keyInfo, Purpose purpose, AlgorithmMethod method, XMLCryptoContext context)
                throws KeySelectorException {
            Key key = trusted.or(() -> embeddedKey(keyInfo)).orElseThrow(() ->
                    new KeySelectorException("the signature carries no key to check it with"));
            return () -> key;
        }
    }
}
