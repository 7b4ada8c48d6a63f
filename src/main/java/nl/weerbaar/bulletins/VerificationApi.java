package nl.weerbaar.bulletins;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "verification", description = "Is this bulletin genuine? For anyone, without an account")
class VerificationApi {

    private final Bulletins bulletins;

    VerificationApi(Bulletins bulletins) {
        this.bulletins = bulletins;
    }

    /** Writes nothing: it only reads the keys, so anyone may ask. */
    @PostMapping(value = "/api/v1/verification",
            consumes = {"application/cap+xml", "application/xml", "text/xml", "text/plain", "application/octet-stream"})
    @Operation(operationId = "verifyBulletin",
            summary = "Check a CAP message, byte for byte: genuine, altered, unknownSigner, revoked, expired or notSigned")
    VerdictView verify(@RequestBody byte[] capXml) {
        return VerdictView.of(bulletins.verify(capXml));
    }
}
