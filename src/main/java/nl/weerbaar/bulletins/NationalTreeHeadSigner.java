package nl.weerbaar.bulletins;

import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Instant;
import nl.weerbaar.access.TreeHeadSigner;
import org.springframework.stereotype.Component;

/** Signs the audit log's tree heads with the national organisation's (NL) current key, ECDSA P-256 with SHA-256. */
@Component
class NationalTreeHeadSigner implements TreeHeadSigner {

    static final String NATIONAL = "NL";
    private static final String ALGORITHM = "SHA256withECDSA";

    private final SigningKeys keys;

    NationalTreeHeadSigner(SigningKeys keys) {
        this.keys = keys;
    }

    @Override
    public TreeHeadSigner.HeadSignature sign(byte[] data) {
        SigningKeys.SigningKey key = keys.current(NATIONAL);
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(key.privateKey());
            signature.update(data);
            return new TreeHeadSigner.HeadSignature(key.kid(), signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not sign the audit tree head with key " + key.kid(), e);
        }
    }

    @Override
    public boolean verify(byte[] data, TreeHeadSigner.HeadSignature signature, Instant signedAt) {
        return keys.find(signature.keyId())
                .filter(key -> key.organisation().equals(NATIONAL) && key.inUseAt(signedAt) && !key.revokedAt(signedAt))
                .map(key -> {
                    try {
                        Signature check = Signature.getInstance(ALGORITHM);
                        check.initVerify(key.publicKey());
                        check.update(data);
                        return check.verify(signature.value());
                    } catch (GeneralSecurityException e) {
                        // A signature that is not even well-formed DER does not verify.
                        return false;
                    }
                })
                .orElse(false);
    }
}
