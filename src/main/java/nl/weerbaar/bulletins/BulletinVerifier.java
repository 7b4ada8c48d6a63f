package nl.weerbaar.bulletins;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import javax.xml.crypto.MarshalException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Decides whether a CAP message is a genuine Weerbaar bulletin. Works on bytes and a key set
 * only, so the same check runs on the server, on the command line and offline.
 */
public final class BulletinVerifier {

    private BulletinVerifier() {}

    public static Verdict verify(byte[] xml, TrustedKeys keys, Instant now) {
        Document document;
        try {
            document = CapXml.parse(xml);
        } catch (CapXml.NotCapException e) {
            return new Verdict.Altered("the text is not complete, readable XML: it was damaged or changed");
        }
        Element root = document.getDocumentElement();
        if (!CapXml.CAP_NAMESPACE.equals(root.getNamespaceURI()) || !"alert".equals(root.getLocalName())) {
            return new Verdict.Altered("this is not a CAP 1.2 alert");
        }
        Verdict.About about = about(root);
        Optional<Element> signature = XmlSignatures.signatureElement(document);
        // A Signature element without SignedInfo signs nothing: published examples carry such placeholders.
        if (XmlSignatures.signatureCount(document) == 0 || signature.filter(XmlSignatures::isPlaceholder).isPresent()) {
            return new Verdict.NotSigned(about);
        }
        if (signature.isEmpty()) {
            return new Verdict.Altered("a signed alert carries exactly one signature, directly inside the alert");
        }
        Optional<PublishedKey> key = XmlSignatures.keyName(signature.get()).flatMap(keys::find);
        try {
            return key.isPresent()
                    ? verifyOwn(xml, document, signature.get(), key.get(), about, keys, now)
                    : verifyForeign(signature.get(), about, now);
        } catch (MarshalException | RuntimeException e) {
            return new Verdict.Altered("the signature cannot be read: " + e.getMessage());
        }
    }

    private static Verdict verifyOwn(byte[] xml, Document document, Element signature, PublishedKey key,
                                     Verdict.About about, TrustedKeys keys, Instant now) throws MarshalException {
        XmlSignatures.Check check = XmlSignatures.check(signature, Optional.of(key.publicKey()));
        if (!check.valid() || !check.wholeDocument()) {
            return new Verdict.Altered("the content no longer matches the signature of " + keys.nameOf(key.organisation()));
        }
        // Weerbaar always writes the public key too; missing or different means someone changed it.
        if (check.embeddedKey().filter(embedded -> sameKey(embedded, key.publicKey())).isEmpty()) {
            return new Verdict.Altered("the public key written in the signature is not key " + key.kid());
        }
        if (XmlSignatures.hasWhiteSpace(signature) || !XmlSignatures.base64IsCanonical(signature)
                || !CapXml.inPublishedForm(xml, document)) {
            return new Verdict.Altered("the signed words are intact, but the file was changed around them");
        }
        if (!CapWriter.sender(key.organisation()).equals(about.sender())) {
            return new Verdict.Altered("it names " + about.sender() + " as sender, but was signed by " + key.organisation());
        }
        return judge(about, key, keys, now);
    }

    /** A signature that holds, by a known key: was the key good when it signed, and is the message still in force? */
    static Verdict judge(Verdict.About about, PublishedKey key, TrustedKeys keys, Instant now) {
        if (about.sent() == null) {
            return new Verdict.Altered("it has no readable time of sending");
        }
        if (key.revokedAt(about.sent())) {
            return new Verdict.Revoked(about, keys.nameOf(key.organisation()), key.kid(), key.revokedAt(),
                    "revoked: " + key.revocationReason());
        }
        if (!key.inUseAt(about.sent())) {
            Instant invalidFrom = about.sent().isBefore(key.validFrom()) ? key.validFrom() : key.validUntil();
            return new Verdict.Revoked(about, keys.nameOf(key.organisation()), key.kid(), invalidFrom,
                    "the key was not in use at the time it claims to be signed");
        }
        if (about.expires() != null && now.isAfter(about.expires())) {
            return new Verdict.Expired(about, keys.nameOf(key.organisation()));
        }
        String note = key.revokedAt() == null ? null : "revoked from " + Verdict.Words.english(key.revokedAt()) + ": " + key.revocationReason();
        return new Verdict.Genuine(about, key.organisation(), keys.nameOf(key.organisation()), key.kid(), note);
    }

    /** A message signed by someone outside Weerbaar: say whether the signature holds, and by whom. */
    private static Verdict verifyForeign(Element signature, Verdict.About about, Instant now) throws MarshalException {
        XmlSignatures.Check check = XmlSignatures.check(signature, Optional.empty());
        if (check.embeddedKey().isEmpty()) {
            String named = XmlSignatures.keyName(signature).orElse("(none named)");
            return new Verdict.UnknownSigner(about, false, Verdict.UnknownSigner.SignerKind.key, named, false);
        }
        if (!check.valid() || !check.wholeDocument()) {
            return new Verdict.Altered("the content no longer matches its signature");
        }
        Optional<X509Certificate> certificate = check.certificate();
        boolean expired = certificate.filter(c -> now.isAfter(c.getNotAfter().toInstant())).isPresent();
        return certificate.isPresent()
                ? new Verdict.UnknownSigner(about, true, Verdict.UnknownSigner.SignerKind.certificate,
                        certificate.get().getSubjectX500Principal().getName(), expired)
                : new Verdict.UnknownSigner(about, true, Verdict.UnknownSigner.SignerKind.key,
                        PublishedKey.kidOf(check.embeddedKey().get()), false);
    }

    private static boolean sameKey(PublicKey a, PublicKey b) {
        return Arrays.equals(a.getEncoded(), b.getEncoded());
    }

    private static Verdict.About about(Element alert) {
        return new Verdict.About(text(alert, "identifier"), text(alert, "sender"), firstText(alert, "headline"),
                firstText(alert, "areaDesc"), time(text(alert, "sent")), latest(alert));
    }

    private static Instant latest(Element alert) {
        NodeList expires = alert.getElementsByTagNameNS(CapXml.CAP_NAMESPACE, "expires");
        Instant latest = null;
        for (int i = 0; i < expires.getLength(); i++) {
            Instant moment = time(expires.item(i).getTextContent());
            if (moment != null && (latest == null || moment.isAfter(latest))) {
                latest = moment;
            }
        }
        return latest;
    }

    /** A direct child's text. */
    private static String text(Element parent, String name) {
        for (var child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && Objects.equals(CapXml.CAP_NAMESPACE, element.getNamespaceURI())
                    && name.equals(element.getLocalName())) {
                return element.getTextContent();
            }
        }
        return null;
    }

    private static String firstText(Element parent, String name) {
        NodeList found = parent.getElementsByTagNameNS(CapXml.CAP_NAMESPACE, name);
        return found.getLength() == 0 ? null : found.item(0).getTextContent();
    }

    private static Instant time(String text) {
        try {
            return text == null ? null : OffsetDateTime.parse(text.trim()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Text pasted into a form arrives with Windows line ends; the XML parser reads both the same. */
    public static byte[] fromPastedText(String pasted) {
        return pasted.strip().replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8);
    }
}
