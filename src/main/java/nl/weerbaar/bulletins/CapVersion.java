package nl.weerbaar.bulletins;

import java.util.Arrays;
import java.util.Optional;

/** The CAP versions Weerbaar reads, told apart by the namespace of {@code alert}. We write only 1.2. */
enum CapVersion {

    V1_0("1.0", "http://www.incident.com/cap/1.0"),
    V1_1("1.1", "urn:oasis:names:tc:emergency:cap:1.1"),
    V1_2("1.2", "urn:oasis:names:tc:emergency:cap:1.2");

    private final String number;
    private final String namespace;

    CapVersion(String number, String namespace) {
        this.number = number;
        this.namespace = namespace;
    }

    String number() {
        return number;
    }

    String namespace() {
        return namespace;
    }

    boolean current() {
        return this == V1_2;
    }

    static Optional<CapVersion> ofNamespace(String namespace) {
        return Arrays.stream(values()).filter(v -> v.namespace.equals(namespace)).findFirst();
    }
}
