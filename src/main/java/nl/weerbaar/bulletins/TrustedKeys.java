package nl.weerbaar.bulletins;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The keys and trust anchors a checker trusts: the database's, or an exported key set read from a file. */
interface TrustedKeys {

    Optional<PublishedKey> find(String kid);

    /** The organisation's name for people; its code when the name is not known. */
    String nameOf(String organisation);

    /** Other authorities trusted for their areas, revoked ones included: what they signed before stays theirs. */
    List<TrustAnchor> anchors();

    /** Trusts exactly the keys and anchors of an exported key set, nothing else: for checks without the server. */
    static TrustedKeys of(List<PublishedKey> keys, Map<String, String> names, List<TrustAnchor> anchors) {
        Map<String, PublishedKey> byKid = keys.stream().collect(Collectors.toMap(PublishedKey::kid, Function.identity()));
        return new TrustedKeys() {
            public Optional<PublishedKey> find(String kid) {
                return Optional.ofNullable(byKid.get(kid));
            }

            public String nameOf(String organisation) {
                return names.getOrDefault(organisation, organisation);
            }

            public List<TrustAnchor> anchors() {
                return anchors;
            }
        };
    }
}
