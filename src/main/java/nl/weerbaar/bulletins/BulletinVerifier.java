package nl.weerbaar.bulletins;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.crypto.MarshalException;
import nl.weerbaar.areas.AreaLimits;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Decides whether a CAP message is genuine, and if not, what is known about it. Works on bytes
 * and a key set only, so the same check runs on the server, on the command line and offline.
 */
final class BulletinVerifier {

    private static final Pattern DECLARED_ENCODING = Pattern.compile("^<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z][A-Za-z0-9._-]*)[\"']");

    private BulletinVerifier() {}

    public static Verdict verify(byte[] xml, TrustedKeys keys, Instant now) {
        return check(xml, keys, now).verdict();
    }

    /** The verdict on the whole message, with each signature it carries checked on its own. */
    public static Verification check(byte[] xml, TrustedKeys keys, Instant now) {
        return check(xml, keys, now, Set.of());
    }

    /**
     * As {@link #check(byte[], TrustedKeys, Instant)}, for a message taken in for an area: another
     * authority is genuine only within its areas, those the message names by CBS code and this one.
     */
    public static Verification check(byte[] xml, TrustedKeys keys, Instant now, Set<String> forAreas) {
        Document document;
        try {
            document = CapXml.parseSafely(xml);
        } catch (CapXml.UnsafeXmlException e) {
            return Verification.of(new Verdict.UnsafeXml());
        } catch (CapXml.NotCapException e) {
            return Verification.of(new Verdict.UnreadableXml(e.getMessage()));
        }
        Element root = document.getDocumentElement();
        Optional<CapVersion> version = "alert".equals(root.getLocalName())
                ? CapVersion.ofNamespace(root.getNamespaceURI()) : Optional.empty();
        if (version.isEmpty()) {
            return Verification.of(new Verdict.NotCap(describe(root)));
        }
        Verdict.About about = about(root, version.get().namespace());
        Set<String> areas = new TreeSet<>(forAreas);
        areas.addAll(cbsAreas(root, version.get().namespace()));
        List<Element> signatures = XmlSignatures.signatureElements(document);
        List<Verification.SignatureLine> lines = new ArrayList<>();
        for (int i = 0; i < signatures.size(); i++) {
            // A Signature element without SignedInfo signs nothing: published examples carry such placeholders.
            if (!XmlSignatures.isPlaceholder(signatures.get(i))) {
                lines.add(checkOne(xml, document, i, signatures.size() == 1, lines.size() + 1, about, areas, keys, now));
            }
        }
        Verdict verdict = lines.stream().map(Verification.SignatureLine::verdict).min(SignatureRanking.BEST_FIRST)
                .orElseGet(() -> new Verdict.NotSigned(about));
        if (!version.get().current() && SignatureRanking.leavesVersionToSay(verdict)) {
            verdict = new Verdict.OtherCapVersion(about, version.get().number(), verdict);
        }
        return new Verification(verdict, version.get().number(), lines);
    }

    /** The signature at {@code index}, checked on the message as it was when it was made. */
    private static Verification.SignatureLine checkOne(byte[] xml, Document document, int index, boolean onlySignature,
                                                       int number, Verdict.About about, Set<String> areas,
                                                       TrustedKeys keys, Instant now) {
        Element signature = XmlSignatures.asSignedBy(document, index);
        SignatureAlgorithm algorithm = SignatureAlgorithm.of(signature);
        Optional<PublishedKey> key = XmlSignatures.keyName(signature).flatMap(keys::find);
        Outcome outcome;
        try {
            outcome = key.isPresent()
                    ? verifyOwn(xml, signature, onlySignature, key.get(), algorithm, about, keys, now)
                    : ForeignSignatures.judge(signature, algorithm, about, areas, keys, now);
        } catch (MarshalException | RuntimeException e) {
            String signer = key.map(k -> keys.nameOf(k.organisation()) + " (key " + k.kid() + ")")
                    .orElseGet(() -> XmlSignatures.keyName(signature).orElse("(none named)"));
            // One of our own keys is named, so the signature was ours and is now damaged; a stranger's may just be beyond us.
            outcome = new Outcome(signer, key.isPresent()
                    ? new Verdict.Altered("the signature cannot be read: " + e.getMessage())
                    : new Verdict.UnknownSigner(about, false, Verdict.UnknownSigner.SignerKind.key, signer, false));
        }
        return new Verification.SignatureLine(number, outcome.signer(), algorithm.name(), algorithm.weak(), outcome.verdict());
    }

    /** Who signed, as a person reads it, and what that one signature says. */
    record Outcome(String signer, Verdict verdict) {}

    static Verdict.WeakAlgorithm weak(SignatureAlgorithm algorithm, XmlSignatures.Check check, String signer,
                                             Verdict.About about) {
        return new Verdict.WeakAlgorithm(about, algorithm.name(), check.valid() && check.wholeDocument(), signer);
    }

    private static Outcome verifyOwn(byte[] xml, Element signature, boolean onlySignature, PublishedKey key,
                                     SignatureAlgorithm algorithm, Verdict.About about, TrustedKeys keys, Instant now)
            throws MarshalException {
        String signer = keys.nameOf(key.organisation()) + " (key " + key.kid() + ")";
        XmlSignatures.Check check = XmlSignatures.check(signature, Optional.of(key.publicKey()));
        if (algorithm.weak()) {
            return new Outcome(signer, weak(algorithm, check, signer, about));
        }
        if (!check.valid() || !check.wholeDocument()) {
            return new Outcome(signer, new Verdict.Altered("the content no longer matches the signature of " + keys.nameOf(key.organisation())));
        }
        // Weerbaar always writes the public key too; missing or different means someone changed it.
        if (check.embeddedKey().filter(embedded -> sameKey(embedded, key.publicKey())).isEmpty()) {
            return new Outcome(signer, new Verdict.Altered("the public key written in the signature is not key " + key.kid()));
        }
        // Byte for byte as published: Weerbaar writes one signature, so the published form exists only for a lone one;
        // beside another authority's signature, ours is held to what XML-DSig covers and to its own canonical text.
        if (XmlSignatures.hasWhiteSpace(signature) || !XmlSignatures.base64IsCanonical(signature)
                || onlySignature && !CapXml.inPublishedForm(xml, signature.getOwnerDocument())) {
            return new Outcome(signer, new Verdict.Altered("the signed words are intact, but the file was changed around them"));
        }
        if (!CapWriter.sender(key.organisation()).equals(about.sender())) {
            return new Outcome(signer, new Verdict.Altered("it names " + about.sender() + " as sender, but was signed by " + key.organisation()));
        }
        return new Outcome(signer, judge(about, key, keys, now));
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
        Verdict.Withdrawal revoked = key.revokedAt() == null ? null : new Verdict.Withdrawal(false, key.revokedAt(), key.revocationReason());
        return new Verdict.Genuine(about, key.organisation(), keys.nameOf(key.organisation()), key.kid(), revoked);
    }

    /** What a non-CAP root is, for the words: its name and namespace. */
    private static String describe(Element root) {
        String name = root.getLocalName() == null ? root.getTagName() : root.getLocalName();
        return root.getNamespaceURI() == null ? "<" + name + ">" : "<" + name + "> in " + root.getNamespaceURI();
    }

    private static boolean sameKey(PublicKey a, PublicKey b) {
        return Arrays.equals(a.getEncoded(), b.getEncoded());
    }

    private static Verdict.About about(Element alert, String namespace) {
        return new Verdict.About(text(alert, namespace, "identifier"), text(alert, namespace, "sender"),
                firstText(alert, namespace, "headline"), firstText(alert, namespace, "areaDesc"),
                time(text(alert, namespace, "sent")), latest(alert, namespace));
    }

    /** The Dutch areas a message names by CBS code in a geocode, as Weerbaar's own bulletins do. */
    private static Set<String> cbsAreas(Element alert, String namespace) {
        Set<String> areas = new TreeSet<>();
        NodeList geocodes = alert.getElementsByTagNameNS(namespace, "geocode");
        for (int i = 0; i < geocodes.getLength(); i++) {
            Element geocode = (Element) geocodes.item(i);
            String value = Objects.requireNonNullElse(firstText(geocode, namespace, "value"), "").trim();
            if ("CBS".equals(Objects.requireNonNullElse(firstText(geocode, namespace, "valueName"), "").trim())
                    && value.matches(AreaLimits.AREA_CODE)) {
                areas.add(value);
            }
        }
        return areas;
    }

    private static Instant latest(Element alert, String namespace) {
        NodeList expires = alert.getElementsByTagNameNS(namespace, "expires");
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
    private static String text(Element parent, String namespace, String name) {
        for (var child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && Objects.equals(namespace, element.getNamespaceURI())
                    && name.equals(element.getLocalName())) {
                return element.getTextContent();
            }
        }
        return null;
    }

    private static String firstText(Element parent, String namespace, String name) {
        NodeList found = parent.getElementsByTagNameNS(namespace, name);
        return found.getLength() == 0 ? null : found.item(0).getTextContent();
    }

    private static Instant time(String text) {
        try {
            return text == null ? null : OffsetDateTime.parse(text.trim()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * Text pasted into a form arrives as characters, with Windows line ends (the XML parser reads
     * both the same). It becomes bytes again in the encoding its XML declaration names: the parser
     * decodes by that declaration, so an ISO-8859-1 message pasted as UTF-8 would read garbled.
     */
    public static byte[] fromPastedText(String pasted) {
        String text = pasted.strip().replace("\r\n", "\n");
        return text.getBytes(declaredEncoding(text));
    }

    private static Charset declaredEncoding(String text) {
        Matcher declared = DECLARED_ENCODING.matcher(text);
        try {
            return declared.find() && Charset.isSupported(declared.group(1)) ? Charset.forName(declared.group(1)) : StandardCharsets.UTF_8;
        } catch (IllegalCharsetNameException e) {
            return StandardCharsets.UTF_8;
        }
    }
}
