package nl.weerbaar.bulletins;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.weerbaar.system.AnswersProblem;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "verification", description = "Is this bulletin genuine? For anyone, without an account")
class VerificationApi {

    private final Bulletins bulletins;
    private final CapImports imports;
    private final VerdictWords words;

    VerificationApi(Bulletins bulletins, CapImports imports, VerdictWords words) {
        this.bulletins = bulletins;
        this.imports = imports;
        this.words = words;
    }

    @io.swagger.v3.oas.annotations.media.Schema(name = "CapImportReport")
    record ImportReport(java.util.UUID id, String area, String identifier, String sender, java.time.Instant sent,
                        String msgType, String headline, String capVersion, VerdictView signature) {}

    /** Any content type: feeds label CAP as text/xml, application/xml or application/cap+xml, and the schema decides. */
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/api/v1/cap-imports")
    @AnswersProblem(status = 409, when = "This message (identifier, sender) was imported already")
    @io.swagger.v3.oas.annotations.Operation(operationId = "importCap",
            summary = "Import a CAP 1.2 or 1.1 message for an area (coordinator): schema-checked, its signatures checked and reported")
    org.springframework.http.ResponseEntity<ImportReport> importCap(
            @org.springframework.web.bind.annotation.RequestParam(required = false) String area, @RequestBody byte[] capXml) {
        CapImports.Report report = imports.importMessage(area, capXml);
        return org.springframework.http.ResponseEntity.status(201).body(new ImportReport(report.id(), report.area(),
                report.identifier(), report.sender(), report.sent(), report.msgType(), report.headline(),
                report.verification().capVersion(), VerdictView.of(report.verification(), words)));
    }

    /** Writes nothing: it only reads the keys, so anyone may ask. */
    @PostMapping(value = "/api/v1/verification",
            consumes = {"application/cap+xml", "application/xml", "text/xml", "text/plain", "application/octet-stream"})
    @Operation(operationId = "verifyBulletin",
            summary = "Check a CAP message and each of its signatures: genuine, expired, revoked, outsideScope, altered, unknownSigner, "
                    + "weakAlgorithm, notSigned, otherCapVersion, notCap, unsafeXml or unreadableXml")
    VerdictView verify(@RequestBody byte[] capXml) {
        return VerdictView.of(bulletins.check(capXml), words);
    }
}
