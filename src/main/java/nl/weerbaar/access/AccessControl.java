package nl.weerbaar.access;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import nl.weerbaar.areas.Areas;
import nl.weerbaar.areas.Municipality;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * The one place that decides whether the current user may act: a role at least as high as the
 * action needs, in an organisation whose areas include the area acted on. An organisation of
 * {@code NL} acts everywhere, of {@code VR13} in that region and its municipalities, of
 * {@code GM0363} in that municipality only; a partner in the areas it was given.
 */
@Service
public class AccessControl {

    private final OrganisationRepository organisations;
    private final Areas areas;

    AccessControl(OrganisationRepository organisations, Areas areas) {
        this.organisations = organisations;
        this.areas = areas;
    }

    /** The logged-in actor; an anonymous caller gets 401. */
    public Actor currentActor() {
        return authenticatedActor().orElseThrow(() ->
                new AuthenticationCredentialsNotFoundException("log in, or send an API token as 'Authorization: Bearer …'"));
    }

    /** The actor, for writes without a logged-in user: commands and start-up work act as the system. */
    Actor currentActorOrSystem() {
        return authenticatedActor().orElse(SystemActor.current());
    }

    /** Requires a role, before looking at what the request is about. */
    public Actor requireRole(Role minimum) {
        return requireRole(currentActor(), minimum);
    }

    private static Actor requireRole(Actor actor, Role minimum) {
        if (!actor.role().includes(minimum)) {
            throw new AccessDeniedException("this needs the role " + minimum.code() + " or higher; "
                    + actor.username() + " is " + actor.role().code() + " of " + actor.organisation());
        }
        return actor;
    }

    /** Requires a role in an organisation whose areas include {@code areaCode} (NL, VRnn or GMnnnn). */
    public Actor require(Role minimum, String areaCode) {
        return require(currentActor(), minimum, areaCode);
    }

    /** As {@link #require(Role, String)}, for an actor known already, e.g. in work done for a request on another thread. */
    public Actor require(Actor actor, Role minimum, String areaCode) {
        requireRole(actor, minimum);
        if (!covers(actor.organisation(), areaCode)) {
            throw new AccessDeniedException(actor.organisation() + " does not act in " + areaCode);
        }
        return actor;
    }

    /** Requires a role in an organisation that covers every area of another organisation. */
    public Actor requireOver(Role minimum, String organisationCode) {
        Actor actor = requireRole(minimum);
        List<String> targetAreas = organisations.areasOf(organisationCode);
        if (targetAreas.isEmpty() || !targetAreas.stream().allMatch(area -> covers(actor.organisation(), area))) {
            throw new AccessDeniedException(actor.organisation() + " does not act in all areas of " + organisationCode);
        }
        return actor;
    }

    public boolean mayRead(Actor actor, String areaCode) {
        return covers(actor.organisation(), areaCode);
    }

    /** Whether an organisation's areas include an area. */
    public boolean covers(String organisationCode, String areaCode) {
        return organisations.areasOf(organisationCode).stream().anyMatch(own -> areas.contains(own, areaCode));
    }

    /** Every area code an actor may act in, or empty when that is everywhere. */
    public Optional<Set<String>> areasInScope(Actor actor) {
        List<String> own = organisations.areasOf(actor.organisation());
        if (own.contains("NL")) {
            return Optional.empty();
        }
        Set<String> codes = new HashSet<>(own);
        for (String area : own) {
            if (area.startsWith("VR")) {
                areas.municipalitiesInRegion(area).stream().map(Municipality::code).forEach(codes::add);
            }
        }
        return Optional.of(codes);
    }

    private static Optional<Actor> authenticatedActor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof AuthenticatedUser user) {
            return Optional.of(user.actor());
        }
        return Optional.empty();
    }
}
