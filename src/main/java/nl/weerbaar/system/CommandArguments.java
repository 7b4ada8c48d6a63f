package nl.weerbaar.system;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Command-line arguments in the form {@code --name value} and plain positional words. */
public record CommandArguments(Map<String, String> options, List<String> positional) {

    public static CommandArguments parse(List<String> args) {
        Map<String, String> options = new LinkedHashMap<>();
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.startsWith("--")) {
                String name = arg.substring(2);
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    options.put(name.substring(0, eq), name.substring(eq + 1));
                } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
                    options.put(name, args.get(++i));
                } else {
                    options.put(name, "true");
                }
            } else {
                positional.add(arg);
            }
        }
        return new CommandArguments(options, positional);
    }

    public Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name));
    }

    public String required(String name) {
        return option(name).orElseThrow(() -> new IllegalArgumentException("missing option --" + name));
    }
}
