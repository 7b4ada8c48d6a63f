package nl.weerbaar.access;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The principal of a logged-in user or API token; carries what access decisions need. An account
 * is never locked: failed logins are throttled per client address instead (see {@link LoginThrottle}).
 */
record AuthenticatedUser(long id, String username, String passwordHash, String organisation, Role role,
                         boolean enabled) implements UserDetails {

    Actor actor() {
        return new Actor(username, organisation, role);
    }

    /** A role includes the lower ones, so an admin also holds ROLE_OPERATOR and ROLE_VIEWER. */
    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        List<SimpleGrantedAuthority> authorities = Arrays.stream(Role.values())
                .filter(role::includes)
                .map(r -> new SimpleGrantedAuthority("ROLE_" + r.name()))
                .toList();
        return authorities;
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }
}
