package nl.weerbaar.access;

import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import nl.weerbaar.system.InputCheck;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Users: creation within scope, login look-up, disabling and enabling. A disabled user cannot log
 * in, its tokens are revoked, and its open sessions stop at their next request (checked against
 * the database on every request, so on every instance at once).
 */
@Service
public class UserAccounts {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,39}");
    static final int MIN_PASSWORD_LENGTH = 12;
    private static final String PASSWORD_ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final UserRepository users;
    private final OrganisationRepository organisations;
    private final AccessControl access;
    private final AuditTrail audit;
    private final PasswordEncoder passwordEncoder;
    private final ApiTokens tokens;

    UserAccounts(UserRepository users, OrganisationRepository organisations, AccessControl access, AuditTrail audit,
                 PasswordEncoder passwordEncoder, ApiTokens tokens) {
        this.users = users;
        this.organisations = organisations;
        this.access = access;
        this.audit = audit;
        this.passwordEncoder = passwordEncoder;
        this.tokens = tokens;
    }

    public record NewUser(String username, String password, String organisation, String role) {}

    /** Creates a user on behalf of the logged-in admin, inside the admin's scope. */
    @Transactional
    public UserAccount create(NewUser request) {
        access.requireRole(Role.ADMIN);
        validate(request);
        access.requireOver(Role.ADMIN, request.organisation());
        return insert(request);
    }

    /** Creates a user from the server's command line or at first start: no login involved. */
    @Transactional
    public UserAccount createAsSystem(NewUser request) {
        validate(request);
        return insert(request);
    }

    /** Users of the organisations whose every area the admin acts in; the scope is read once, not per user. */
    public List<UserAccount> visibleToCurrentActor() {
        Actor actor = access.requireRole(Role.ADMIN);
        Optional<Set<String>> scope = access.areasInScope(actor);
        if (scope.isEmpty()) {
            return users.findAll();
        }
        Map<String, List<String>> areasByOrganisation = organisations.findAll().stream()
                .collect(Collectors.toMap(Organisation::code, Organisation::areas));
        return users.findAll().stream()
                .filter(u -> scope.get().containsAll(areasByOrganisation.getOrDefault(u.organisation(), List.of())))
                .toList();
    }

    /** A user by name, for modules that link something to a user (a phone number for status by text message). */
    public Optional<UserAccount> find(String username) {
        return users.find(username);
    }

    public boolean exists(String username) {
        return users.find(username).isPresent();
    }

    /** 20 characters from an alphabet without look-alikes: about 116 bits. */
    static String randomPassword() {
        return RANDOM.ints(20, 0, PASSWORD_ALPHABET.length())
                .mapToObj(i -> String.valueOf(PASSWORD_ALPHABET.charAt(i)))
                .collect(Collectors.joining());
    }

    /**
     * A user as Spring Security sees it, for logging in (see {@link PasswordLogin}) and for commands
     * that act with a user's rights. Not a {@code UserDetailsService} bean: logins go through
     * {@link PasswordLogin} only, so nothing can log in around its throttle.
     */
    public UserDetails loadUserByUsername(String username) {
        return users.findPrincipal(username)
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }

    /** Stops a user at once, on behalf of an admin over the user's organisation; its tokens are revoked too. */
    @Transactional
    public UserAccount disable(String username) {
        Actor admin = access.requireRole(Role.ADMIN);
        UserAccount user = require(username);
        access.requireOver(Role.ADMIN, user.organisation());
        new InputCheck().require(!user.username().equals(admin.username()), "username",
                "you cannot disable yourself: ask another admin").orThrow();
        return switchTo(user, false);
    }

    @Transactional
    public UserAccount enable(String username) {
        access.requireRole(Role.ADMIN);
        UserAccount user = require(username);
        access.requireOver(Role.ADMIN, user.organisation());
        return switchTo(user, true);
    }

    /** From the server's command line: no login involved. */
    @Transactional
    public UserAccount disableAsSystem(String username) {
        return switchTo(require(username), false);
    }

    @Transactional
    public UserAccount enableAsSystem(String username) {
        return switchTo(require(username), true);
    }

    /** Revokes every token of a user (a lost laptop, a leaked script), on behalf of an admin over its organisation. */
    @Transactional
    public int revokeTokens(String username) {
        access.requireRole(Role.ADMIN);
        UserAccount user = require(username);
        access.requireOver(Role.ADMIN, user.organisation());
        return tokens.revokeAllOf(user);
    }

    private UserAccount require(String username) {
        return users.find(username).orElseThrow(() -> new NoSuchUserException(username));
    }

    private UserAccount switchTo(UserAccount user, boolean enabled) {
        if (users.setEnabled(user.id(), enabled)) {
            audit.record(new AuditTrail.Change(enabled ? "user.enabled" : "user.disabled", "user", user.username(),
                    organisations.auditArea(user.organisation()), Map.of("enabled", !enabled), Map.of("enabled", enabled)));
        }
        if (!enabled) {
            tokens.revokeAllOf(user);
        }
        return users.find(user.username()).orElseThrow();
    }

    private void validate(NewUser request) {
        String role = request.role();
        new InputCheck()
                .require(request.username(), u -> USERNAME.matcher(u).matches(), "username",
                        "must be 3 to 40 lower-case letters, digits, dots, hyphens or underscores")
                .require(request.password(), p -> p.length() >= MIN_PASSWORD_LENGTH && p.length() <= 200, "password",
                        "must be " + MIN_PASSWORD_LENGTH + " to 200 characters")
                .require(request.organisation(), o -> organisations.find(o).isPresent(), "organisation",
                        "no organisation with code '" + request.organisation() + "'")
                .require(role, r -> List.of("viewer", "operator", "coordinator", "admin").contains(r), "role",
                        "must be viewer, operator, coordinator or admin")
                .require(request.username() == null || users.find(request.username()).isEmpty(), "username",
                        "the username '" + request.username() + "' is taken")
                .orThrow();
    }

    private UserAccount insert(NewUser request) {
        UserAccount created = users.insert(request.username(), passwordEncoder.encode(request.password()),
                request.organisation(), Role.fromCode(request.role()));
        audit.record(new AuditTrail.Change("user.created", "user", created.username(), organisations.auditArea(created.organisation()),
                null, Map.of("username", created.username(), "organisation", created.organisation(), "role", created.role().code())));
        return created;
    }
}
