package nl.weerbaar.bulletins;

import java.util.Locale;
import java.util.Set;
import javax.xml.crypto.dsig.XMLSignature;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The algorithm a signature names in its {@code SignedInfo}, read before checking it, and
 * whether it is weak: SHA-1 (and MD5), for the signature or any digest. SHA-1 collisions can be
 * made, so a matching SHA-1 signature no longer proves who wrote the content.
 */
record SignatureAlgorithm(String name, boolean weak) {

    private static final Set<String> WEAK_SIGNATURE_METHODS = Set.of(
            "http://www.w3.org/2000/09/xmldsig#rsa-sha1",
            "http://www.w3.org/2000/09/xmldsig#dsa-sha1",
            "http://www.w3.org/2000/09/xmldsig#hmac-sha1",
            "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha1",
            "http://www.w3.org/2007/05/xmldsig-more#sha1-rsa-MGF1",
            "http://www.w3.org/2001/04/xmldsig-more#rsa-md5",
            "http://www.w3.org/2001/04/xmldsig-more#hmac-md5");
    private static final Set<String> WEAK_DIGESTS = Set.of(
            "http://www.w3.org/2000/09/xmldsig#sha1",
            "http://www.w3.org/2001/04/xmldsig-more#md5");

    static SignatureAlgorithm of(Element signature) {
        String method = algorithm(signature, "SignatureMethod");
        boolean weakDigest = false;
        NodeList digests = signature.getElementsByTagNameNS(XMLSignature.XMLNS, "DigestMethod");
        for (int i = 0; i < digests.getLength(); i++) {
            weakDigest |= WEAK_DIGESTS.contains(((Element) digests.item(i)).getAttribute("Algorithm"));
        }
        boolean weakMethod = WEAK_SIGNATURE_METHODS.contains(method);
        String name = readable(method) + (weakDigest && !weakMethod ? " with a SHA-1 digest" : "");
        return new SignatureAlgorithm(name, weakMethod || weakDigest);
    }

    private static String algorithm(Element signature, String element) {
        NodeList found = signature.getElementsByTagNameNS(XMLSignature.XMLNS, element);
        return found.getLength() == 0 ? "" : ((Element) found.item(0)).getAttribute("Algorithm");
    }

    /** "http://www.w3.org/2000/09/xmldsig#rsa-sha1" reads "RSA-SHA1". */
    private static String readable(String uri) {
        int hash = uri.lastIndexOf('#');
        return hash < 0 || hash == uri.length() - 1 ? (uri.isEmpty() ? "an unnamed algorithm" : uri)
                : uri.substring(hash + 1).toUpperCase(Locale.ROOT);
    }
}
