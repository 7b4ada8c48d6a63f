package nl.weerbaar.bulletins;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A bulletin signed with a fresh key, and the key set that trusts it: for tests without the database. */
record SignedCapFixture(byte[] xml, PublishedKey key, Bulletin bulletin, Instant sent) {

    static final Instant SENT = Instant.parse("2026-11-28T06:00:00Z");

    static SignedCapFixture signed() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();
        String kid = PublishedKey.kidOf(pair.getPublic());
        PublishedKey key = new PublishedKey(kid, "GM0363", pair.getPublic(), SENT.minus(30, ChronoUnit.DAYS), null, null, null);
        Bulletin bulletin = new Bulletin(UUID.fromString("0b6a1a52-7f0e-4a8e-9a65-3f1d2c9e5b11"), "GM0363", "GM0363",
                Bulletin.Kind.alert, null, "Drinkwater", "Health", "Immediate", "Severe", "Observed",
                new Bulletin.Text("Kook drinkwater voor gebruik", "Door een storing kan het kraanwater besmet zijn.\nKook het minstens 1 minuut.",
                        "Kook water voor drinken en tandenpoetsen."),
                new Bulletin.Text("Boil drinking water before use", "Tap water may be contaminated.", null),
                SENT, SENT.plus(2, ChronoUnit.DAYS), Bulletin.Status.approved, "auteur", "collega", SENT, null, null, null, null, 0);
        byte[] xml = CapSigner.signedCap(bulletin, SENT, null,
                new CapWriter.Context("Gemeente Amsterdam", "Amsterdam", "https://weerbaar.example"),
                kid, pair.getPrivate(), pair.getPublic());
        return new SignedCapFixture(xml, key, bulletin, SENT);
    }

    TrustedKeys trusting(PublishedKey... keys) {
        return TrustedKeys.of(List.of(keys), Map.of("GM0363", "Gemeente Amsterdam"), List.of());
    }

    TrustedKeys trusted() {
        return trusting(key);
    }
}
