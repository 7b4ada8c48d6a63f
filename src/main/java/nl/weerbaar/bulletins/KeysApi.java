package nl.weerbaar.bulletins;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import nl.weerbaar.system.AnswersProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "keys", description = "The public signing keys of organisations, their rotation and revocation")
class KeysApi {

    private final SigningKeys keys;
    private final TrustAnchors anchors;
    private final KeySetNames names;

    KeysApi(SigningKeys keys, TrustAnchors anchors, KeySetNames names) {
        this.keys = keys;
        this.anchors = anchors;
        this.names = names;
    }

    /** The well-known place checkers (and other servers) fetch the key set from: our keys and the other authorities we trust. */
    @GetMapping(value = "/.well-known/weerbaar-keys.json", produces = "application/json")
    Map<String, Object> wellKnownKeySet() {
        return names.document(keys.published(), anchors.all());
    }

    @GetMapping("/api/v1/organisations/{code}/keys")
    @Operation(operationId = "listOrganisationKeys", summary = "An organisation's public signing keys with validity and revocation")
    Map<String, Object> organisationKeys(@PathVariable String code) {
        return names.document(keys.publishedBy(code.toUpperCase()), List.of());
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/api/v1/organisations/{code}/keys/rotation")
    @Operation(operationId = "rotateOrganisationKey", summary = "Retire the current key (it stays valid for what it signed) and make a new one (admin)")
    ResponseEntity<Map<String, Object>> rotate(@PathVariable String code) {
        return ResponseEntity.status(201).body(KeySetJson.entry(keys.rotate(code.toUpperCase())));
    }

    @PostMapping("/api/v1/organisations/{code}/keys/{kid}/revocation")
    @AnswersProblem(status = 409, when = "The key was revoked already")
    @Operation(operationId = "revokeOrganisationKey",
            summary = "Revoke a compromised key from a moment on (default now); what it signed before stays genuine (admin)")
    Map<String, Object> revoke(@PathVariable String code, @PathVariable String kid, @RequestBody SigningKeys.Revocation revocation) {
        return KeySetJson.entry(keys.revoke(code.toUpperCase(), kid, revocation));
    }
}
