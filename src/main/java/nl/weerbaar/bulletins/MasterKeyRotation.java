package nl.weerbaar.bulletins;

import java.util.List;
import java.util.Map;
import nl.weerbaar.access.AuditTrail;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Re-encrypts every stored private key under a new master key, in one transaction: all keys move,
 * or none does. Run from the command line on the server; audited as the system.
 */
@Service
class MasterKeyRotation {

    private final KeyRepository keys;
    private final MasterKey current;
    private final AuditTrail audit;

    MasterKeyRotation(KeyRepository keys, MasterKey current, AuditTrail audit) {
        this.keys = keys;
        this.current = current;
        this.audit = audit;
    }

    record Rotated(int keys, String oldFingerprint, String newFingerprint) {}

    @Transactional
    Rotated rotate(MasterKey next) {
        if (next.fingerprint().equals(current.fingerprint())) {
            throw new IllegalArgumentException("the new master key is the one in use now: make a new one "
                    + "(name a file that does not exist yet and one is made there)");
        }
        keys.lockAllKeys();
        List<KeyRepository.SealedKey> sealed = keys.sealedKeys();
        for (KeyRepository.SealedKey key : sealed) {
            byte[] resealed = next.encrypt(current.decrypt(key.encryptedPrivateKey(), key.kid()), key.kid());
            keys.reseal(key.kid(), resealed);
        }
        audit.record(new AuditTrail.Change("master-key.rotated", "master_key", next.fingerprint(), "NL",
                Map.of("fingerprint", current.fingerprint()),
                Map.of("fingerprint", next.fingerprint(), "privateKeysReencrypted", sealed.size())));
        return new Rotated(sealed.size(), current.fingerprint(), next.fingerprint());
    }
}
