package nl.weerbaar.bulletins;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Instant;
import org.w3c.dom.Document;

/** Makes the signed CAP 1.2 document of a bulletin; refuses to sign anything the schema rejects. */
final class CapSigner {

    private CapSigner() {}

    static byte[] signedCap(Bulletin bulletin, Instant sent, Bulletin referenced, CapWriter.Context context,
                            String kid, PrivateKey privateKey, PublicKey publicKey) {
        Document alert = CapWriter.write(bulletin, sent, referenced, context);
        try {
            CapXml.validate(alert);
            XmlSignatures.sign(alert, kid, privateKey, publicKey);
            CapXml.validate(alert);
        } catch (CapXml.NotCapException e) {
            throw new IllegalStateException("bulletin " + bulletin.id() + " does not make valid CAP 1.2: " + e.getMessage(), e);
        }
        return CapXml.serialize(alert);
    }
}
