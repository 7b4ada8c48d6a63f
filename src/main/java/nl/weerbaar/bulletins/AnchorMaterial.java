package nl.weerbaar.bulletins;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/** Reads what an admin pastes for a trust anchor: a certificate or public key, as PEM or as bare base64 of the DER. */
final class AnchorMaterial {

    private AnchorMaterial() {}

    static X509Certificate certificate(String pemOrBase64) throws GeneralSecurityException {
        return certificate(der(pemOrBase64));
    }

    static X509Certificate certificate(byte[] der) throws GeneralSecurityException {
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
    }

    /** An RSA or EC key from its SubjectPublicKeyInfo: the two kinds CAP signers use. */
    static PublicKey publicKey(String pemOrBase64) throws GeneralSecurityException {
        return publicKey(der(pemOrBase64));
    }

    static PublicKey publicKey(byte[] subjectPublicKeyInfo) throws GeneralSecurityException {
        GeneralSecurityException last = null;
        for (String algorithm : new String[] {"RSA", "EC"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(subjectPublicKeyInfo));
            } catch (GeneralSecurityException e) {
                last = e;
            }
        }
        throw last;
    }

    /** The bytes between PEM armour lines, or the whole text as base64. */
    private static byte[] der(String text) throws GeneralSecurityException {
        String body = text.replaceAll("-----(BEGIN|END) [A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            return Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            throw new GeneralSecurityException("not base64: " + e.getMessage(), e);
        }
    }
}
