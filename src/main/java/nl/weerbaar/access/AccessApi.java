package nl.weerbaar.access;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import nl.weerbaar.system.AnswersProblem;
import nl.weerbaar.system.DomainException.NotFound;
import nl.weerbaar.system.Items;
import nl.weerbaar.system.ProblemWriter;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
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

    record TokenResponse(String token, long id, String username, Instant createdAt, Instant expiresAt) {}

    record TokenRevocation(String username, int revokedTokens) {}

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/tokens")
    @Operation(operationId = "createToken", summary = "Exchange HTTP Basic credentials for an API token, shown once")
    ResponseEntity<TokenResponse> createToken(@AuthenticationPrincipal AuthenticatedUser user) {
        ApiTokens.IssuedToken issued = tokens.issue(user);
        return ResponseEntity.status(201).body(new TokenResponse(issued.token(), issued.id(), user.username(), issued.createdAt(),
                issued.expiresAt()));
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @DeleteMapping("/tokens/current")
    @AnswersProblem(status = 404, when = "The request carries no API token (a session or Basic login has none to give up)")
    @Operation(operationId = "revokeCurrentToken", summary = "Revoke the API token this request carries; it stops working at once")
    ResponseEntity<Void> revokeCurrentToken(Authentication authentication) {
        if (!(authentication.getDetails() instanceof ApiTokens.PresentedToken presented)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "this request carries no API token");
        }
        tokens.revoke(presented);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/me")
    @Operation(operationId = "getCurrentUser", summary = "The authenticated user, organisation and role")
    Actor me() {
        return access.currentActor();
    }

    @ResponseStatus(HttpStatus.CREATED)
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

    @PostMapping("/users/{username}/disabling")
    @Operation(operationId = "disableUser", summary = "Disable a user within the admin's scope: it can no longer log in, "
            + "its tokens are revoked and its sessions end at once")
    UserAccount disableUser(@PathVariable String username) {
        return users.disable(username);
    }

    @PostMapping("/users/{username}/enabling")
    @Operation(operationId = "enableUser", summary = "Enable a disabled user within the admin's scope; it logs in again for new tokens")
    UserAccount enableUser(@PathVariable String username) {
        return users.enable(username);
    }

    @PostMapping("/users/{username}/token-revocation")
    @Operation(operationId = "revokeUserTokens", summary = "Revoke every API token of a user within the admin's scope")
    TokenRevocation revokeUserTokens(@PathVariable String username) {
        return new TokenRevocation(username, users.revokeTokens(username));
    }

    @ExceptionHandler(NoSuchUserException.class)
    ResponseEntity<ProblemDetail> noSuchUser(NoSuchUserException e, HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemWriter.problem(HttpStatus.NOT_FOUND, e.getMessage(), request.getRequestURI()));
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
                new NotFound("no organisation with code '" + code + "'"));
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/organisations")
    @Operation(operationId = "createOrganisation", summary = "Create a partner organisation with the areas it acts in")
    ResponseEntity<Organisation> createOrganisation(@RequestBody Organisations.NewPartner request) {
        Organisation created = organisations.createPartner(request);
        return ResponseEntity.created(URI.create("/api/v1/organisations/" + created.code())).body(created);
    }
}
