package nl.weerbaar.bulletins;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import nl.weerbaar.access.AccessControl;
import nl.weerbaar.access.Actor;
import nl.weerbaar.access.AuditTrail;
import nl.weerbaar.access.Role;
import nl.weerbaar.areas.AreaLimits;
import nl.weerbaar.system.InputCheck;
import nl.weerbaar.system.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Takes in CAP 1.2 and 1.1 messages from elsewhere for an area: checked against the schema of
 * their version, their signatures checked and reported, kept as received.
 */
@Service
public class CapImports {

    private final JdbcClient jdbc;
    private final AccessControl access;
    private final AuditTrail audit;
    private final Bulletins bulletins;
    private final Clock clock;

    CapImports(JdbcClient jdbc, AccessControl access, AuditTrail audit, Bulletins bulletins, Clock clock) {
        this.jdbc = jdbc;
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
        String namespace = document.getDocumentElement().getNamespaceURI();
        new InputCheck().require(areaCode, a -> a.matches(AreaLimits.AREA_CODE), "area",
                "must name the area this message is for: NL, VR13 or GM0363").orThrow();
        access.require(Role.COORDINATOR, areaCode);
        Element alert = document.getDocumentElement();
        Verification verification = bulletins.check(xml, areaCode);
        Verdict verdict = verification.verdict();
        String identifier = child(alert, namespace, "identifier");
        String sender = child(alert, namespace, "sender");
        Instant sent = OffsetDateTime.parse(child(alert, namespace, "sent")).toInstant();
        boolean known = jdbc.sql("select count(*) from cap_import where sender = :sender and identifier = :identifier and sent = :sent")
                .param("sender", sender).param("identifier", identifier).param("sent", Timestamp.from(sent)).query(Long.class).single() > 0;
        if (known) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "message " + identifier + " from " + sender + " was imported already");
        }
        Report report = new Report(UUID.randomUUID(), areaCode, identifier, sender, sent, child(alert, namespace, "msgType"),
                child(alert, namespace, "headline"), verification);
        jdbc.sql("""
                insert into cap_import (id, area_code, identifier, sender, sent, msg_type, headline, verdict, verdict_text, cap_version, xml,
                                        imported_by, imported_at)
                values (:id, :area, :identifier, :sender, :sent, :msgType, :headline, :verdict, :verdictText, :capVersion, :xml,
                        :actor, :importedAt)""")
                .param("id", report.id()).param("area", areaCode).param("identifier", identifier).param("sender", sender)
                .param("sent", Timestamp.from(sent)).param("msgType", report.msgType()).param("headline", report.headline())
                .param("verdict", verdict.code()).param("verdictText", verdict.english()).param("capVersion", verification.capVersion())
                .param("xml", asReceived(xml, document)).param("actor", actor.username())
                .param("importedAt", Timestamp.from(clock.instant()))
                .update();
        audit.record(new AuditTrail.Change("cap.imported", "cap_import", report.id().toString(), areaCode, null,
                java.util.Map.of("identifier", identifier, "sender", sender, "verdict", verdict.code())));
        return report;
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

    private static String child(Element parent, String namespace, String name) {
        var found = parent.getElementsByTagNameNS(namespace, name);
        return found.getLength() == 0 ? null : found.item(0).getTextContent().trim();
    }
}
