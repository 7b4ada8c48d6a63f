package nl.weerbaar.bulletins;

import java.util.List;
import nl.weerbaar.system.StartRefusedException;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Before anything serves, the master key must open every stored private key: an instance with
 * another key would otherwise start and then answer 500 on every signature it is asked for.
 */
@Component
class MasterKeyCheck implements SmartInitializingSingleton {

    private final KeyRepository keys;
    private final MasterKey masterKey;

    MasterKeyCheck(KeyRepository keys, MasterKey masterKey) {
        this.keys = keys;
        this.masterKey = masterKey;
    }

    @Override
    public void afterSingletonsInstantiated() {
        List<KeyRepository.SealedKey> sealed = keys.sealedKeys();
        List<KeyRepository.SealedKey> closed = sealed.stream()
                .filter(k -> !masterKey.opens(k.encryptedPrivateKey(), k.kid())).toList();
        if (!closed.isEmpty()) {
            KeyRepository.SealedKey first = closed.getFirst();
            throw new StartRefusedException("The configured master key (fingerprint %s) does not open %d of the %d stored private signing keys (the first: %s of %s): start every instance with the master key they were stored with, the same one everywhere."
                    .formatted(masterKey.fingerprint(), closed.size(), sealed.size(), first.kid(), first.organisation()));
        }
    }
}
