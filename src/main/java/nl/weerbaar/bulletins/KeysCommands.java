package nl.weerbaar.bulletins;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nl.weerbaar.system.CliCommand;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** {@code ./weerbaar keys export FILE} and {@code ./weerbaar keys rotate ORGANISATION}. */
@Configuration(proxyBeanMethods = false)
class KeysCommands {

    @Bean
    CliCommand keysExport(SigningKeys keys, TrustAnchors anchors, KeySetNames names) {
        return new CliCommand() {
            public String name() {
                return "keys export";
            }

            public String summary() {
                return "FILE: write the public key set of every organisation and the trusted other authorities, for checking bulletins offline";
            }

            public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
                if (args.size() != 1) {
                    err.println("usage: ./weerbaar keys export FILE");
                    return 2;
                }
                List<PublishedKey> published = keys.published();
                List<TrustAnchor> trusted = anchors.all();
                Files.writeString(Path.of(args.getFirst()), KeySetJson.write(names.document(published, trusted)));
                out.printf("Wrote %d public keys and %d trust anchors to %s%n", published.size(), trusted.size(), args.getFirst());
                return 0;
            }
        };
    }

    @Bean
    CliCommand keysRotate(SigningKeys keys) {
        return new CliCommand() {
            public String name() {
                return "keys rotate";
            }

            public String summary() {
                return "ORGANISATION: retire the organisation's signing key and make a new one";
            }

            public int run(List<String> args, PrintStream out, PrintStream err) {
                if (args.size() != 1) {
                    err.println("usage: ./weerbaar keys rotate ORGANISATION (e.g. GM0363)");
                    return 2;
                }
                PublishedKey fresh = keys.rotateAsSystem(args.getFirst().toUpperCase());
                out.printf("New signing key %s for %s; the previous one stays valid for what it signed%n", fresh.kid(), fresh.organisation());
                return 0;
            }
        };
    }
}
