package nl.weerbaar.bulletins;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
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
@Tag(name = "trust-anchors", description = "Other authorities whose signed CAP messages are trusted, for the areas they may speak for")
class TrustAnchorsApi {

    private final TrustAnchors anchors;

    TrustAnchorsApi(TrustAnchors anchors) {
        this.anchors = anchors;
    }

    @GetMapping("/api/v1/trust-anchors")
    @Operation(operationId = "listTrustAnchors", summary = "Every trust anchor with its validity, areas and revocation (admin)")
    Map<String, Object> list() {
        return Map.of("items", anchors.list().stream().map(KeySetJson::anchorEntry).toList());
    }

    @GetMapping("/api/v1/trust-anchors/{id}")
    @Operation(operationId = "getTrustAnchor", summary = "One trust anchor (admin)")
    Map<String, Object> get(@PathVariable UUID id) {
        return KeySetJson.anchorEntry(anchors.get(id));
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/api/v1/trust-anchors")
    @AnswersProblem(status = 409, when = "The key is a trust anchor already")
    @Operation(operationId = "addTrustAnchor",
            summary = "Trust another authority's certificate or public key for the areas it may speak for (admin of NL)")
    ResponseEntity<Map<String, Object>> add(@RequestBody TrustAnchors.NewAnchor anchor) {
        TrustAnchor added = anchors.add(anchor);
        return ResponseEntity.created(URI.create("/api/v1/trust-anchors/" + added.id())).body(KeySetJson.anchorEntry(added));
    }

    @PostMapping("/api/v1/trust-anchors/{id}/revocation")
    @AnswersProblem(status = 409, when = "The trust anchor was revoked already")
    @Operation(operationId = "revokeTrustAnchor",
            summary = "Withdraw trust from a moment on (default now); what it signed before stays genuine (admin of NL)")
    Map<String, Object> revoke(@PathVariable UUID id, @RequestBody TrustAnchors.Revocation revocation) {
        return KeySetJson.anchorEntry(anchors.revoke(id, revocation));
    }
}
