package nl.weerbaar.bulletins;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.weerbaar.access.AccessControl;
import nl.weerbaar.access.AuditTrail;
import nl.weerbaar.access.Organisations;
import nl.weerbaar.access.Role;
import nl.weerbaar.system.DomainException.Conflict;
import nl.weerbaar.system.DomainException.NotFound;
import nl.weerbaar.system.InputCheck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The signing keys of every organisation: made by the system on first use (ECDSA P-256), private
 * halves stored encrypted, rotated on demand and when older than {@code weerbaar.bulletins.max-key-age},
 * revoked from a moment on when compromised. A rotated key stays valid for what it signed.
 */
@Service
public class SigningKeys {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

    private final KeyRepository keys;
    private final MasterKey masterKey;
    private final AccessControl access;
    private final AuditTrail audit;
    private final Organisations organisations;
    private final Duration maxKeyAge;
    private final Clock clock;

    SigningKeys(KeyRepository keys, MasterKey masterKey, AccessControl access, AuditTrail audit, Organisations organisations,
                @Value("${weerbaar.bulletins.max-key-age:P90D}") Duration maxKeyAge, Clock clock) {
        this.keys = keys;
        this.masterKey = masterKey;
        this.access = access;
        this.audit = audit;
        this.organisations = organisations;
        this.maxKeyAge = maxKeyAge;
        this.clock = clock;
    }

    /** The key an organisation signs with now, with its private half decrypted for this one use. */
    record SigningKey(String kid, PrivateKey privateKey, PublishedKey published) {}

    /** The organisation's current key; made here when it has none (first publication, or after revocation). */
    @Transactional
    SigningKey current(String organisation) {
        keys.lockOrganisation(organisation);
        KeyRepository.StoredKey stored = keys.current(organisation).orElseGet(() -> generate(organisation, now()));
        return new SigningKey(stored.published().kid(), decodePrivate(masterKey.decrypt(stored.encryptedPrivateKey(),
                stored.published().kid())), stored.published());
    }

    public Optional<PublishedKey> find(String kid) {
        return keys.find(kid);
    }

    /** Every key ever used, with its validity and revocation: what a checker needs, offline too. */
    public List<PublishedKey> published() {
        return keys.all(Optional.empty());
    }

    public List<PublishedKey> publishedBy(String organisation) {
        requireOrganisation(organisation);
        return keys.all(Optional.of(organisation));
    }

    /** Retires the current key (it stays valid for what it signed) and makes a new one. */
    @Transactional
    public PublishedKey rotate(String organisation) {
        access.requireRole(Role.ADMIN);
        requireOrganisation(organisation);
        access.requireOver(Role.ADMIN, organisation);
        return rotateNow(organisation, "key.rotated");
    }

    /** For the command line on the server itself, whose user holds the machine: audited as the system. */
    @Transactional
    PublishedKey rotateAsSystem(String organisation) {
        requireOrganisation(organisation);
        return rotateNow(organisation, "key.rotated");
    }

    public record Revocation(String reason, Instant from) {}

    /** Marks a key compromised from a moment on (default now); what it signed before stays genuine. */
    @Transactional
    public PublishedKey revoke(String organisation, String kid, Revocation request) {
        access.requireRole(Role.ADMIN);
        Instant now = now();
        new InputCheck()
                .require(request.reason(), r -> !r.isBlank() && r.length() <= 500, "reason", "must say why, in 1 to 500 characters")
                .require(request.from() == null || !request.from().isAfter(now), "from", "cannot lie in the future")
                .orThrow();
        requireOrganisation(organisation);
        access.requireOver(Role.ADMIN, organisation);
        PublishedKey key = keys.find(kid).filter(k -> k.organisation().equals(organisation)).orElseThrow(() ->
                new NotFound("organisation " + organisation + " has no key " + kid));
        if (key.revokedAt() != null) {
            throw new Conflict("key " + kid + " was revoked already at " + key.revokedAt());
        }
        Instant from = request.from() == null ? now : request.from().truncatedTo(ChronoUnit.SECONDS);
        keys.revoke(kid, from, request.reason().trim());
        PublishedKey revoked = keys.find(kid).orElseThrow();
        audit.record(new AuditTrail.Change("key.revoked", "signing_key", kid, organisation, view(key), view(revoked)));
        return revoked;
    }

    /** When the scheduled rotation retires a key still in use: its start plus the maximum key age (within the hourly check after). */
    public Instant scheduledRotation(PublishedKey key) {
        return key.validFrom().plus(maxKeyAge);
    }

    /** Rotates every key older than the configured maximum age, so no key signs for ever. */
    @Scheduled(fixedDelayString = "${weerbaar.bulletins.key-rotation-check:PT1H}", initialDelayString = "PT1M")
    @Transactional
    public void rotateAgedKeys() {
        for (KeyRepository.StoredKey aged : keys.olderThan(now().minus(maxKeyAge))) {
            String organisation = aged.published().organisation();
            keys.lockOrganisation(organisation);
            // Every instance runs this schedule: one that waited for the lock finds the key rotated by another.
            boolean stillCurrent = keys.current(organisation).map(k -> k.published().kid().equals(aged.published().kid())).orElse(false);
            if (!stillCurrent) {
                continue;
            }
            rotateNow(organisation, "key.rotated.scheduled");
            log.info("Rotated the signing key {} of {}: older than {}", aged.published().kid(), organisation, maxKeyAge);
        }
    }

    private PublishedKey rotateNow(String organisation, String action) {
        keys.lockOrganisation(organisation);
        Instant now = now();
        Optional<KeyRepository.StoredKey> old = keys.current(organisation);
        old.ifPresent(k -> keys.retire(k.published().kid(), now));
        KeyRepository.StoredKey fresh = generate(organisation, now);
        audit.record(new AuditTrail.Change(action, "signing_key", fresh.published().kid(), organisation,
                old.map(k -> view(keys.find(k.published().kid()).orElseThrow())).orElse(null), view(fresh.published())));
        return fresh.published();
    }

    private KeyRepository.StoredKey generate(String organisation, Instant validFrom) {
        KeyPair pair = newKeyPair();
        String kid = PublishedKey.kidOf(pair.getPublic());
        byte[] encrypted = masterKey.encrypt(pair.getPrivate().getEncoded(), kid);
        keys.insert(kid, organisation, pair.getPublic(), encrypted, validFrom);
        PublishedKey published = new PublishedKey(kid, organisation, pair.getPublic(), validFrom, null, null, null);
        audit.record(new AuditTrail.Change("key.generated", "signing_key", kid, organisation, null, view(published)));
        return new KeyRepository.StoredKey(published, encrypted);
    }

    private void requireOrganisation(String organisation) {
        if (organisations.find(organisation).isEmpty()) {
            throw new NotFound("no organisation with code '" + organisation + "'");
        }
    }

    /** Key validity is kept to the second, like the CAP {@code sent} time it is compared with. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ECDSA P-256 is not available in this JDK", e);
        }
    }

    private static PrivateKey decodePrivate(byte[] pkcs8) {
        try {
            return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a stored private key is damaged", e);
        }
    }

    private static Map<String, Object> view(PublishedKey key) {
        return KeySetJson.entry(key);
    }
}
