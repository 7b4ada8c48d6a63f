package nl.weerbaar.access;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import nl.weerbaar.system.CliCommand;
import nl.weerbaar.system.CommandArguments;
import nl.weerbaar.system.InvalidInputException;
import nl.weerbaar.system.RequestId;
import org.springframework.stereotype.Component;

/** {@code ./weerbaar user add --username U --organisation GM0363 --role operator [--password-stdin]}. */
@Component
class UserAddCommand implements CliCommand {

    private final UserAccounts users;

    UserAddCommand(UserAccounts users) {
        this.users = users;
    }

    @Override
    public String name() {
        return "user add";
    }

    @Override
    public String summary() {
        return "--username U --organisation CODE --role viewer|operator|coordinator|admin [--password-stdin] (else a password is generated)";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        CommandArguments arguments = CommandArguments.parse(args);
        String password = arguments.option("password-stdin").isPresent()
                ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine()
                : arguments.option("password").orElse(null);
        boolean generated = password == null;
        if (generated) {
            password = UserAccounts.randomPassword();
        }
        UserAccounts.NewUser request = new UserAccounts.NewUser(arguments.option("username").orElse(null), password,
                arguments.option("organisation").map(String::toUpperCase).orElse(null),
                arguments.option("role").orElse(null));
        try {
            UserAccount[] created = new UserAccount[1];
            RequestId.runAs("cli-user-add", () -> created[0] = SystemActor.asCommandLineUser(() -> users.createAsSystem(request)));
            out.printf("Created user %s: %s of %s%n", created[0].username(), created[0].role().code(), created[0].organisation());
            if (generated) {
                out.printf("Password (shown once): %s%n", password);
            }
            return 0;
        } catch (InvalidInputException e) {
            e.invalidParams().forEach(p -> err.printf("weerbaar: --%s %s%n", p.name(), p.reason()));
            return 2;
        }
    }
}
