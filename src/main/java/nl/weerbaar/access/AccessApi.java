package nl.weerbaar.access;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "access", description = "Organisations, users and API tokens")
class AccessApi {

    private final ApiTokens tokens;
    private final UserAccounts users;
    private final Organisations organisations;
    private final AccessControl access;

    AccessApi(ApiTokens tokens, UserAccounts users, Organisations organisations, AccessControl access) {
        this.tokens = tokens;
        this.users = users;
        this.organisations = organisations;
        this.access = access;
    }

    record TokenResponse(String token, long id, String username, Instant createdAt) {}

    record Items<T>(List<T> items) {}

    @PostMapping("/tokens")
    @Operation(operationId = "createToken", summary = "Exchange HTTP Basic credentials for an API token, shown once")
    ResponseEntity<TokenResponse> createToken(@AuthenticationPrincipal AuthenticatedUser user) {
        ApiTokens.IssuedToken issued = tokens.issue(user);
        return ResponseEntity.status(201).body(new TokenResponse(issued.token(), issued.id(), user.username(), issued.createdAt()));
    }

    @GetMapping("/me")
    @Operation(operationId = "getCurrentUser", summary = "The authenticated user, organisation and role")
    Actor me() {
        return access.currentActor();
    }

    @PostMapping("/users")
    @Operation(operationId = "createUser", summary = "Create a user in an organisation within the admin's scope")
    ResponseEntity<UserAccount> createUser(@RequestBody UserAccounts.NewUser request) {
        UserAccount created = users.create(request);
        return ResponseEntity.created(URI.create("/api/v1/users/" + created.username())).body(created);
    }

    @GetMapping("/users")
    @Operation(operationId = "listUsers", summary = "Users of the organisations within the admin's scope")
    Items<UserAccount> listUsers() {
        return new Items<>(users.visibleToCurrentActor());
    }

    @GetMapping("/organisations")
    @Operation(operationId = "listOrganisations", summary = "All organisations with the areas they act in")
    Items<Organisation> listOrganisations() {
        access.currentActor();
        return new Items<>(organisations.all());
    }

    @GetMapping("/organisations/{code}")
    @Operation(operationId = "getOrganisation", summary = "One organisation")
    Organisation getOrganisation(@PathVariable String code) {
        access.currentActor();
        return organisations.find(code.toUpperCase()).orElseThrow(() ->
                new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND, "no organisation with code '" + code + "'"));
    }

    @PostMapping("/organisations")
    @Operation(operationId = "createOrganisation", summary = "Create a partner organisation with the areas it acts in")
    ResponseEntity<Organisation> createOrganisation(@RequestBody Organisations.NewPartner request) {
        Organisation created = organisations.createPartner(request);
        return ResponseEntity.created(URI.create("/api/v1/organisations/" + created.code())).body(created);
    }
}
