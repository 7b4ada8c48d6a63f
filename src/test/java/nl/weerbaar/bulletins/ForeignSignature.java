package nl.weerbaar.bulletins;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.List;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.crypto.dsig.spec.TransformParameterSpec;
import org.w3c.dom.Document;

/** Appends another party's enveloped signature (RSA-SHA256, a fresh key in KeyValue), as an aggregator passing a message on does. */
final class ForeignSignature {

    private ForeignSignature() {}

    static byte[] append(byte[] xml) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        XMLSignatureFactory factory = XMLSignatureFactory.getInstance("DOM");
        Document document = CapXml.parse(xml);
        var reference = factory.newReference("", factory.newDigestMethod(DigestMethod.SHA256, null),
                List.of(factory.newTransform(Transform.ENVELOPED, (TransformParameterSpec) null)), null, null);
        var signedInfo = factory.newSignedInfo(
                factory.newCanonicalizationMethod(CanonicalizationMethod.EXCLUSIVE, (C14NMethodParameterSpec) null),
                factory.newSignatureMethod(SignatureMethod.RSA_SHA256, null), List.of(reference));
        var keyInfos = factory.getKeyInfoFactory();
        DOMSignContext context = new DOMSignContext(pair.getPrivate(), document.getDocumentElement());
        context.setDefaultNamespacePrefix("ds");
        factory.newXMLSignature(signedInfo, keyInfos.newKeyInfo(List.of(keyInfos.newKeyValue(pair.getPublic())))).sign(context);
        return CapXml.serialize(document);
    }
}
