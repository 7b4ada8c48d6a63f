package nl.weerbaar.access;

import org.springframework.security.authentication.AccountStatusException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Username and password, for the login page and for exchanging them for an API token (HTTP
 * Basic). An unknown name, a wrong password, a disabled account and a throttled attempt are
 * answered alike, so the answer tells an outsider neither that a name exists nor that it is being
 * throttled; see {@link LoginThrottle} for how guessing is slowed down.
 */
@Component
class PasswordLogin implements AuthenticationProvider {

    static final String REFUSED = "the username or password is wrong, or there were too many failed attempts from here: "
            + "wait a moment and try again";

    private final DaoAuthenticationProvider passwords;
    private final LoginThrottle throttle;

    PasswordLogin(UserAccounts users, PasswordEncoder passwordEncoder, LoginThrottle throttle) {
        this.passwords = new DaoAuthenticationProvider(users::loadUserByUsername);
        this.passwords.setPasswordEncoder(passwordEncoder);
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String username = attempt.getName();
        String address = clientAddress(attempt);
        if (throttle.isThrottled(username, address)) {
            throw new BadCredentialsException(REFUSED);
        }
        try {
            Authentication authenticated = passwords.authenticate(attempt);
            throttle.recordSuccess(username, address);
            return authenticated;
        } catch (BadCredentialsException | AccountStatusException refused) {
            throttle.recordFailure(username, address);
            throw new BadCredentialsException(REFUSED, refused);
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /**
     * The address the attempt came from: behind a reverse proxy, the one it reports, as the server
     * is configured to trust it (see {@code server.forward-headers-strategy}).
     */
    private static String clientAddress(Authentication attempt) {
        return attempt.getDetails() instanceof WebAuthenticationDetails details && details.getRemoteAddress() != null
                ? details.getRemoteAddress() : "unknown";
    }
}
