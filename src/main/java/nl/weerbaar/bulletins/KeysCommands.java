package nl.weerbaar.bulletins;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nl.weerbaar.system.CliCommand;
import nl.weerbaar.system.CommandArguments;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code ./weerbaar keys export FILE}, {@code ./weerbaar keys rotate ORGANISATION} and
 * {@code ./weerbaar keys rotate-master --new-key-file FILE}.
 */
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
    @Bean
    CliCommand keysRotateMaster(MasterKeyRotation rotation, MasterKey current) {
        return new CliCommand() {
            public String name() {
                return "keys rotate-master";
            }

            public String summary() {
                return "--new-key-file FILE: re-encrypt every stored private key under the master key in FILE (made there when FILE does not exist)";
            }

            public int run(List<String> args, PrintStream out, PrintStream err) {
                CommandArguments arguments = CommandArguments.parse(args);
                if (arguments.option("new-key-file").isEmpty() || !arguments.positional().isEmpty()) {
                    err.println("usage: ./weerbaar keys rotate-master --new-key-file FILE");
                    return 2;
                }
                Path file = Path.of(arguments.option("new-key-file").get());
                boolean made = !Files.exists(file);
                MasterKey next = MasterKey.readOrCreate(file);
                MasterKeyRotation.Rotated rotated = rotation.rotate(next);
                if (made) {
                    out.printf("Made a new master key in %s (readable by its owner only).%n", file);
                }
                out.printf("Re-encrypted %d private signing keys under the new master key (fingerprint %s; the old one was %s), "
                        + "in one transaction, audited.%n", rotated.keys(), rotated.newFingerprint(), rotated.oldFingerprint());
                if (current.source() instanceof MasterKey.Source.DataFolderFile(Path own)) {
                    current.replaceDataFolderFile(next);
                    out.printf("The new key replaced %s; restart a running Weerbaar on this folder so that it signs with it.%n", own);
                } else {
                    out.printf("Now give every instance the new key (WEERBAAR_MASTER_KEY_FILE=%s, or its content as WEERBAAR_MASTER_KEY) "
                            + "and restart them: until then they cannot sign, and an instance with the old key refuses to start.%n", file);
                }
                return 0;
            }
        };
    }
}
