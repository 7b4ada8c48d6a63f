package nl.weerbaar.support;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import nl.weerbaar.access.TreeHeadSigner;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * For module tests without the bulletins module, which signs the audit log's tree heads in the
 * whole application: a real signer with a key that lives as long as the test's context. Import it
 * into an {@code @ApplicationModuleTest} of a module that uses access.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ModuleTestSigner {

    private static final String ALGORITHM = "SHA256withECDSA";
    private static final String KEY_ID = "module-test";

    @Bean
    TreeHeadSigner moduleTestTreeHeadSigner() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        KeyPair key = generator.generateKeyPair();
        return new TreeHeadSigner() {
            @Override
            public HeadSignature sign(byte[] data) {
                try {
                    Signature signature = Signature.getInstance(ALGORITHM);
                    signature.initSign(key.getPrivate());
                    signature.update(data);
                    return new HeadSignature(KEY_ID, signature.sign());
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException(e);
                }
            }

            @Override
            public boolean verify(byte[] data, HeadSignature signature, Instant signedAt) {
                try {
                    Signature check = Signature.getInstance(ALGORITHM);
                    check.initVerify(key.getPublic());
                    check.update(data);
                    return KEY_ID.equals(signature.keyId()) && check.verify(signature.value());
                } catch (GeneralSecurityException e) {
                    return false;
                }
            }
        };
    }
}
