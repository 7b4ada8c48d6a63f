package nl.weerbaar.bulletins;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.weerbaar.access.Organisation;
import nl.weerbaar.access.Organisations;
import org.springframework.stereotype.Component;

/** Adds the names of the organisations to a key set, so an offline checker can say "Gemeente Amsterdam". */
@Component
class KeySetNames {

    private final Organisations organisations;

    KeySetNames(Organisations organisations) {
        this.organisations = organisations;
    }

    Map<String, Object> document(List<PublishedKey> keys, List<TrustAnchor> anchors) {
        Map<String, String> names = new TreeMap<>();
        keys.forEach(k -> names.put(k.organisation(),
                organisations.find(k.organisation()).map(Organisation::name).orElse(k.organisation())));
        Map<String, Object> document = new LinkedHashMap<>(KeySetJson.document(keys, anchors));
        document.put("organisations", names);
        return document;
    }
}
