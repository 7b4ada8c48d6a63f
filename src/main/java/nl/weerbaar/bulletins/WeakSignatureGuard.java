package nl.weerbaar.bulletins;

import java.util.Set;
import javax.xml.crypto.MarshalException;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignature;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * What the JDK's secure validation would have guarded, for the one case checked without it (a
 * SHA-1 signature): every reference points inside this message, only the enveloped transform and
 * canonicalisation are used, and the key is not fetched from elsewhere. Anything else is refused
 * before the checker could follow a URI or run an XSLT.
 */
final class WeakSignatureGuard {

    private static final int MAX_REFERENCES = 30;
    private static final int MAX_TRANSFORMS = 5;
    private static final Set<String> ALLOWED_TRANSFORMS = Set.of(Transform.ENVELOPED,
            CanonicalizationMethod.INCLUSIVE, CanonicalizationMethod.INCLUSIVE_WITH_COMMENTS,
            CanonicalizationMethod.EXCLUSIVE, CanonicalizationMethod.EXCLUSIVE_WITH_COMMENTS,
            "http://www.w3.org/2006/12/xml-c14n11", "http://www.w3.org/2006/12/xml-c14n11#WithComments");

    private WeakSignatureGuard() {}

    static void requireSelfContained(Element signature) throws MarshalException {
        NodeList references = signature.getElementsByTagNameNS(XMLSignature.XMLNS, "Reference");
        if (references.getLength() > MAX_REFERENCES) {
            throw new MarshalException("the signature has more than " + MAX_REFERENCES + " references");
        }
        for (int i = 0; i < references.getLength(); i++) {
            Element reference = (Element) references.item(i);
            String uri = reference.getAttribute("URI");
            if (reference.hasAttribute("URI") && !uri.isEmpty() && !uri.startsWith("#")) {
                throw new MarshalException("the signature refers to something outside the message: " + uri);
            }
            NodeList transforms = reference.getElementsByTagNameNS(XMLSignature.XMLNS, "Transform");
            if (transforms.getLength() > MAX_TRANSFORMS) {
                throw new MarshalException("the signature has more than " + MAX_TRANSFORMS + " transforms");
            }
            for (int j = 0; j < transforms.getLength(); j++) {
                String algorithm = ((Element) transforms.item(j)).getAttribute("Algorithm");
                if (!ALLOWED_TRANSFORMS.contains(algorithm)) {
                    throw new MarshalException("the signature uses a transform that is not checked here: " + algorithm);
                }
            }
        }
        if (signature.getElementsByTagNameNS(XMLSignature.XMLNS, "RetrievalMethod").getLength() > 0) {
            throw new MarshalException("the signature fetches its key from elsewhere");
        }
    }
}
