package nl.weerbaar.access;

import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * Work done on behalf of a user outside a request of theirs (a command line run, a text message
 * from their phone): signed in as that user for its duration, so role, scope and the audit trail
 * apply exactly as to a request of theirs; whoever was signed in before is restored after.
 */
public final class SignedIn {

    private SignedIn() {}

    public static <T> T as(UserDetails user, Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
