package nl.weerbaar.bulletins;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import nl.weerbaar.system.DomainException.NotFound;
import nl.weerbaar.system.Items;
import nl.weerbaar.system.Versioned;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/claims")
@Tag(name = "claims", description = "Register of circulating claims, their assessment and rebuttal (staff only; no personal data)")
class ClaimsApi {

    private final Claims claims;

    ClaimsApi(Claims claims) {
        this.claims = claims;
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping
    @Operation(operationId = "recordClaim", summary = "Record a claim seen circulating in an area (operator)")
    ResponseEntity<Claim> record(@RequestBody Claims.Input input) {
        Claim created = claims.record(input);
        return ResponseEntity.created(URI.create("/api/v1/claims/" + created.id())).eTag(Versioned.etag(created.version())).body(created);
    }

    @PutMapping("/{id}")
    @Operation(operationId = "updateClaim", summary = "Change a claim, e.g. its assessment or rebuttal bulletin (If-Match)")
    ResponseEntity<Claim> update(@PathVariable UUID id, @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                 @RequestBody Claims.Input input) {
        Claim updated = claims.update(id, ifMatch, input);
        return ResponseEntity.ok().eTag(Versioned.etag(updated.version())).body(updated);
    }

    @GetMapping
    @Operation(operationId = "listClaims", summary = "Claims in the areas you act in")
    Items<Claim> list(@RequestParam(required = false) String area) {
        return new Items<>(claims.list(area));
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getClaim", summary = "One claim")
    ResponseEntity<Claim> get(@PathVariable UUID id) {
        Claim claim = claims.visible(id).orElseThrow(() -> new NotFound("no claim " + id));
        return ResponseEntity.ok().eTag(Versioned.etag(claim.version())).body(claim);
    }

    @GetMapping("/trend")
    @Operation(operationId = "getClaimTrend", summary = "Claims per week first seen and assessment, for an area")
    Items<Claims.WeekCount> trend(@RequestParam String area, @RequestParam(defaultValue = "12") int weeks) {
        return new Items<>(claims.weeklyTrend(area, Math.clamp(weeks, 1, 104)));
    }
}
