package nl.weerbaar.access;

import java.io.PrintStream;
import java.util.List;
import java.util.function.Function;
import nl.weerbaar.system.CliCommand;
import nl.weerbaar.system.CommandArguments;
import nl.weerbaar.system.RequestId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code ./weerbaar user disable USERNAME} and {@code ./weerbaar user enable USERNAME}: for the
 * operator of the server, e.g. when no admin can log in. Audited as the command-line user.
 */
@Configuration(proxyBeanMethods = false)
class UserSwitchCommands {

    @Bean
    CliCommand userDisableCommand(UserAccounts users) {
        return new Switch("user disable", "USERNAME (cannot log in, tokens revoked, sessions end at once)",
                users::disableAsSystem);
    }

    @Bean
    CliCommand userEnableCommand(UserAccounts users) {
        return new Switch("user enable", "USERNAME (may log in again; old tokens stay revoked)", users::enableAsSystem);
    }

    private record Switch(String name, String summary, Function<String, UserAccount> action) implements CliCommand {

        @Override
        public int run(List<String> args, PrintStream out, PrintStream err) {
            List<String> usernames = CommandArguments.parse(args).positional();
            if (usernames.size() != 1) {
                err.printf("weerbaar: name one user: ./weerbaar %s USERNAME%n", name);
                return 2;
            }
            try {
                UserAccount[] changed = new UserAccount[1];
                RequestId.runAs("cli-" + name.replace(' ', '-'),
                        () -> changed[0] = SystemActor.asCommandLineUser(() -> action.apply(usernames.getFirst())));
                out.printf("User %s is %s%n", changed[0].username(), changed[0].enabled() ? "enabled" : "disabled");
                return 0;
            } catch (NoSuchUserException e) {
                err.printf("weerbaar: %s%n", e.getMessage());
                return 2;
            }
        }
    }
}
