package nl.weerbaar.bulletins;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import nl.weerbaar.access.AccessControl;
import nl.weerbaar.access.Actor;
import nl.weerbaar.access.AuditTrail;
import nl.weerbaar.access.Role;
import nl.weerbaar.areas.AreaLimits;
import nl.weerbaar.system.DomainException.Conflict;
import nl.weerbaar.system.InputCheck;
import nl.weerbaar.system.InvalidInputException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Takes in CAP 1.2 and 1.1 messages from elsewhere for an area: checked against the schema of
 * their version, their signatures checked and reported, kept as received.
 */
@Service
class CapImports {

    private final JdbcClient jdbc;
    private final AccessControl access;
    private final AuditTrail audit;
    private final Bulletins bulletins;
    private final Clock clock;
    private final Duration inForceWithoutExpiry;
    private final VerdictWords words;

    CapImports(JdbcClient jdbc, AccessControl access, AuditTrail audit, Bulletins bulletins, Clock clock, VerdictWords words,
               @Value("${weerbaar.feeds.in-force-without-expiry:P1D}") Duration inForceWithoutExpiry) {
        this.jdbc = jdbc;
        this.words = words;
        this.inForceWithoutExpiry = inForceWithoutExpiry;
        this.access = access;
        this.audit = audit;
        this.bulletins = bulletins;
        this.clock = clock;
    }

    /** What was imported and what its signature says. */
    public record Report(UUID id, String area, String identifier, String sender, Instant sent, String msgType,
                         String headline, Verification verification) {}

    @Transactional
    public Report importMessage(String area, byte[] xml) {
        Actor actor = access.requireRole(Role.COORDINATOR);
        String areaCode = area == null ? null : area.trim().toUpperCase();
        Document document = readValidCap(xml);
        new InputCheck().require(areaCode, a -> a.matches(AreaLimits.AREA_CODE), "area",
                "must name the area this message is for: NL, VR13 or GM0363").orThrow();
        access.require(Role.COORDINATOR, areaCode);
        Message message = Message.read(document);
        return store(areaCode, xml, document, new Origin(actor.username(), null, message.senderName()))
                .orElseThrow(() -> new Conflict("message " + message.identifier() + " from " + message.sender() + " was imported already"));
    }

    /** Where a message came from: a coordinator's upload, or a subscribed feed (then named after the feed). */
    record Origin(String importedBy, UUID feedId, String sourceName) {}

    /**
     * Keeps a valid CAP message for an area with its verdict, unless a message with the same
     * sender, identifier and sent time is here already (then empty: each message is taken in once,
     * whichever feed or person brings it). The messages it updates or cancels are remembered by
     * their CAP reference, so the order in which messages arrive does not matter.
     */
    Optional<Report> store(String areaCode, byte[] xml, Document document, Origin origin) {
        Message message = Message.read(document);
        Verification verification = bulletins.check(xml, areaCode);
        Verdict verdict = verification.verdict();
        Report report = new Report(UUID.randomUUID(), areaCode, message.identifier(), message.sender(), message.sent(),
                message.msgType(), message.headline(), verification);
        int inserted = jdbc.sql("""
                insert into cap_import (id, area_code, identifier, sender, sent, msg_type, headline, verdict, verdict_text, cap_version, xml,
                                        imported_by, imported_at, feed_id, source_name, status, scope, severity, expires)
                values (:id, :area, :identifier, :sender, :sent, :msgType, :headline, :verdict, :verdictText, :capVersion, :xml,
                        :actor, :importedAt, :feed, :source, :status, :scope, :severity, :expires)
                on conflict (sender, identifier, sent) do nothing""")
                .param("id", report.id()).param("area", areaCode).param("identifier", message.identifier())
                .param("sender", message.sender()).param("sent", Timestamp.from(message.sent()))
                .param("msgType", message.msgType()).param("headline", message.headline())
                .param("verdict", verdict.code()).param("verdictText", words.english(verdict)).param("capVersion", verification.capVersion())
                .param("xml", asReceived(xml, document)).param("actor", origin.importedBy())
                .param("importedAt", Timestamp.from(clock.instant())).param("feed", origin.feedId())
                .param("source", origin.sourceName()).param("status", message.status()).param("scope", message.scope())
                .param("severity", message.severity())
                .param("expires", message.expires() == null ? null : Timestamp.from(message.expires()))
                .update();
        if (inserted == 0) {
            return Optional.empty();
        }
        for (Message.Reference reference : message.references()) {
            jdbc.sql("""
                    insert into cap_import_reference (import_id, sender, identifier, sent) values (:id, :sender, :identifier, :sent)
                    on conflict do nothing""")
                    .param("id", report.id()).param("sender", reference.sender()).param("identifier", reference.identifier())
                    .param("sent", Timestamp.from(reference.sent())).update();
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("identifier", message.identifier());
        after.put("sender", message.sender());
        after.put("msgType", message.msgType());
        after.put("verdict", verdict.code());
        if (origin.feedId() != null) {
            after.put("feed", origin.feedId().toString());
        }
        audit.record(new AuditTrail.Change("cap.imported", "cap_import", report.id().toString(), areaCode, null, after));
        return Optional.of(report);
    }

    /** An alert from another authority in force for an area, as the area's pages show it. */
    record AlertInForce(UUID id, String headline, String severity, String source, Instant sent, String verdict) {}

    /**
     * Alerts from others in force in these areas now: actual, public messages (alerts and updates)
     * that no later update or cancellation of the same sender replaced, not expired (without an
     * expiry: no longer than {@code weerbaar.feeds.in-force-without-expiry}, a day, after they were sent), from a feed still
     * subscribed to or imported by hand. An altered message is never shown: it is not what its
     * authority said.
     */
    List<AlertInForce> inForce(List<String> areaCodes) {
        return jdbc.sql("""
                select ci.id, ci.headline, ci.severity, ci.source_name, ci.sent, ci.verdict
                from cap_import ci left join feed_subscription f on f.id = ci.feed_id
                where ci.area_code in (:areas)
                  and ci.msg_type in ('Alert', 'Update')
                  and coalesce(ci.status, 'Actual') = 'Actual' and coalesce(ci.scope, 'Public') = 'Public'
                  and ci.verdict <> 'altered'
                  and (ci.feed_id is null or f.ended_at is null)
                  and coalesce(ci.expires, ci.sent + make_interval(secs => :window)) > :now
                  and not exists (
                      select 1 from cap_import_reference r join cap_import later on later.id = r.import_id
                      where r.sender = ci.sender and r.identifier = ci.identifier and r.sent = ci.sent
                        and later.sender = ci.sender and later.msg_type in ('Update', 'Cancel') and later.verdict <> 'altered')
                order by ci.sent desc
                limit 50""")
                .param("areas", areaCodes).param("now", Timestamp.from(clock.instant()))
                .param("window", (double) inForceWithoutExpiry.toSeconds())
                .query((rs, n) -> new AlertInForce(rs.getObject("id", UUID.class), rs.getString("headline"), rs.getString("severity"),
                        rs.getString("source_name"), rs.getTimestamp("sent").toInstant(), rs.getString("verdict")))
                .list();
    }

    /** A message a feed brought, as the feed's list shows it. */
    public record Imported(UUID id, String identifier, String sender, Instant sent, String msgType, String headline,
                           Instant expires, String verdict, String verdictText, String capVersion, Instant importedAt,
                           boolean inForce) {}

    List<Imported> fromFeed(UUID feedId, String area) {
        Set<UUID> inForce = inForce(List.of(area)).stream().map(AlertInForce::id).collect(Collectors.toSet());
        return jdbc.sql("""
                select id, identifier, sender, sent, msg_type, headline, expires, verdict, verdict_text, cap_version, imported_at
                from cap_import where feed_id = :feed order by sent desc, imported_at desc limit 200""")
                .param("feed", feedId)
                .query((rs, n) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    Timestamp expires = rs.getTimestamp("expires");
                    return new Imported(id, rs.getString("identifier"), rs.getString("sender"), rs.getTimestamp("sent").toInstant(),
                            rs.getString("msg_type"), rs.getString("headline"), expires == null ? null : expires.toInstant(),
                            rs.getString("verdict"), rs.getString("verdict_text"), rs.getString("cap_version"),
                            rs.getTimestamp("imported_at").toInstant(), inForce.contains(id));
                })
                .list();
    }

    /** The message as received, in its own bytes (re-encoded in the encoding it declares), and the area it was taken in for. */
    record Received(byte[] xml, String text, String area) {}

    Optional<Received> received(UUID id) {
        return jdbc.sql("select xml, area_code from cap_import where id = :id").param("id", id)
                .query((rs, n) -> new Received(inDeclaredEncoding(rs.getString("xml")), rs.getString("xml"), rs.getString("area_code")))
                .optional();
    }

    /** Reads and checks a CAP 1.2 or 1.1 message; input that is neither, or is unsafe, is refused naming why. */
    static Document read(byte[] xml) {
        return readValidCap(xml);
    }

    /** CAP 1.2, or CAP 1.1 (still sent by many authorities); each checked against its own version. */
    private static Document readValidCap(byte[] xml) {
        try {
            Document document = CapXml.parse(xml);
            Optional<CapVersion> version = CapVersion.ofNamespace(document.getDocumentElement().getNamespaceURI());
            if (version.isEmpty() || !"alert".equals(document.getDocumentElement().getLocalName())) {
                throw new InvalidInputException("body", "is not a CAP alert (CAP 1.1 or 1.2)");
            }
            switch (version.get()) {
                case V1_2 -> CapXml.validate(document);
                case V1_1 -> Cap11.validate(document);
                case V1_0 -> throw new InvalidInputException("body", "is CAP 1.0, which is not imported: only CAP 1.1 and 1.2");
            }
            return document;
        } catch (CapXml.NotCapException e) {
            throw new InvalidInputException("body", e.getMessage());
        }
    }

    /** The text as it was received: decoded in the encoding the message declares (ISO-8859-1 is common), not assumed UTF-8. */
    private static String asReceived(byte[] xml, Document document) {
        String encoding = document.getInputEncoding();
        return new String(xml, encoding == null || !Charset.isSupported(encoding) ? StandardCharsets.UTF_8 : Charset.forName(encoding));
    }

    private static byte[] inDeclaredEncoding(String text) {
        Matcher declared = DECLARED_ENCODING.matcher(text);
        Charset charset = declared.lookingAt() && Charset.isSupported(declared.group(1)) ? Charset.forName(declared.group(1))
                : StandardCharsets.UTF_8;
        return text.getBytes(charset);
    }

    private static final Pattern DECLARED_ENCODING = Pattern.compile("\\s*<\\?xml[^>]*encoding\\s*=\\s*[\"']([A-Za-z0-9._-]+)[\"']");

    /** What decides where, whether and how long a message shows, read from its CAP elements. */
    record Message(String identifier, String sender, Instant sent, String msgType, String status, String scope,
                   String headline, String senderName, String severity, Instant expires, List<Reference> references) {

        /** A message this one updates or cancels. */
        record Reference(String sender, String identifier, Instant sent) {}

        static Message read(Document document) {
            Element alert = document.getDocumentElement();
            String ns = alert.getNamespaceURI();
            String sender = child(alert, ns, "sender");
            Instant expires = null;
            for (String text : all(alert, ns, "expires")) {
                Instant one = parseTime(text);
                expires = one == null ? expires : expires == null || one.isAfter(expires) ? one : expires;
            }
            String senderName = child(alert, ns, "senderName");
            return new Message(child(alert, ns, "identifier"), sender, parseTime(child(alert, ns, "sent")),
                    child(alert, ns, "msgType"), child(alert, ns, "status"), child(alert, ns, "scope"),
                    child(alert, ns, "headline"), senderName == null || senderName.isBlank() ? sender : senderName,
                    child(alert, ns, "severity"), expires, references(child(alert, ns, "references")));
        }

        /** CAP references: space-separated "sender,identifier,sent"; an entry that cannot be read refers to nothing. */
        private static List<Reference> references(String text) {
            if (text == null || text.isBlank()) {
                return List.of();
            }
            List<Reference> references = new ArrayList<>();
            for (String entry : text.trim().split("\\s+")) {
                String[] parts = entry.split(",");
                Instant sent = parts.length == 3 ? parseTime(parts[2]) : null;
                if (sent != null) {
                    references.add(new Reference(parts[0], parts[1], sent));
                }
            }
            return references;
        }

        private static Instant parseTime(String text) {
            try {
                return text == null ? null : OffsetDateTime.parse(text.trim()).toInstant();
            } catch (DateTimeParseException e) {
                return null;
            }
        }

        private static String child(Element parent, String namespace, String name) {
            var found = parent.getElementsByTagNameNS(namespace, name);
            return found.getLength() == 0 ? null : found.item(0).getTextContent().trim();
        }

        private static List<String> all(Element parent, String namespace, String name) {
            var found = parent.getElementsByTagNameNS(namespace, name);
            List<String> texts = new ArrayList<>();
            for (int i = 0; i < found.getLength(); i++) {
                texts.add(found.item(i).getTextContent().trim());
            }
            return texts;
        }
    }
}
