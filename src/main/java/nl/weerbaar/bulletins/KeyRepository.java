package nl.weerbaar.bulletins;

import java.security.PublicKey;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class KeyRepository {

    private final JdbcClient jdbc;

    KeyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A key as stored: its public part and its still encrypted private part. */
    record StoredKey(PublishedKey published, byte[] encryptedPrivateKey) {}

    /** Serialises key creation per organisation, so two first publications do not both make a key. */
    void lockOrganisation(String organisation) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('signing_key:' || :organisation))")
                .param("organisation", organisation).query().singleValue();
    }

    Optional<StoredKey> current(String organisation) {
        return jdbc.sql("select * from signing_key where organisation_code = :organisation and valid_until is null and revoked_at is null")
                .param("organisation", organisation).query(KeyRepository::stored).optional();
    }

    List<StoredKey> olderThan(Instant moment) {
        return jdbc.sql("select * from signing_key where valid_until is null and revoked_at is null and valid_from < :moment")
                .param("moment", Timestamp.from(moment)).query(KeyRepository::stored).list();
    }

    Optional<PublishedKey> find(String kid) {
        return jdbc.sql("select * from signing_key where kid = :kid").param("kid", kid)
                .query(KeyRepository::stored).optional().map(StoredKey::published);
    }

    List<PublishedKey> all(Optional<String> organisation) {
        String where = organisation.isPresent() ? " where organisation_code = :organisation" : "";
        var statement = jdbc.sql("select * from signing_key" + where + " order by organisation_code, valid_from");
        if (organisation.isPresent()) {
            statement = statement.param("organisation", organisation.get());
        }
        return statement.query(KeyRepository::stored).list().stream().map(StoredKey::published).toList();
    }

    void insert(String kid, String organisation, PublicKey publicKey, byte[] encryptedPrivateKey, Instant validFrom) {
        jdbc.sql("""
                insert into signing_key (kid, organisation_code, algorithm, public_key, encrypted_private_key, valid_from)
                values (:kid, :organisation, 'EC-P256', :publicKey, :encrypted, :validFrom)""")
                .param("kid", kid).param("organisation", organisation).param("publicKey", publicKey.getEncoded())
                .param("encrypted", encryptedPrivateKey).param("validFrom", Timestamp.from(validFrom))
                .update();
    }

    /** A stored private key as the master key sees it: sealed bytes bound to their key id. */
    record SealedKey(String kid, String organisation, byte[] encryptedPrivateKey) {}

    /** Every private key ever stored, for the master key's start check and rotation. */
    List<SealedKey> sealedKeys() {
        return jdbc.sql("select kid, organisation_code, encrypted_private_key from signing_key order by kid")
                .query((rs, row) -> new SealedKey(rs.getString("kid"), rs.getString("organisation_code"),
                        rs.getBytes("encrypted_private_key"))).list();
    }

    /** Holds off key creation and rotation everywhere until the transaction ends: a master key rotation is under way. */
    void lockAllKeys() {
        jdbc.sql("lock table signing_key in exclusive mode").update();
    }

    void reseal(String kid, byte[] encryptedPrivateKey) {
        jdbc.sql("update signing_key set encrypted_private_key = :encrypted where kid = :kid")
                .param("kid", kid).param("encrypted", encryptedPrivateKey).update();
    }

    void retire(String kid, Instant at) {
        jdbc.sql("update signing_key set valid_until = :at where kid = :kid and valid_until is null")
                .param("kid", kid).param("at", Timestamp.from(at)).update();
    }

    void revoke(String kid, Instant from, String reason) {
        jdbc.sql("update signing_key set revoked_at = :from, revocation_reason = :reason where kid = :kid")
                .param("kid", kid).param("from", Timestamp.from(from)).param("reason", reason).update();
    }

    private static StoredKey stored(ResultSet rs, int row) throws SQLException {
        return new StoredKey(new PublishedKey(rs.getString("kid"), rs.getString("organisation_code"),
                PublishedKey.decodePublicKey(rs.getBytes("public_key")), instant(rs, "valid_from"),
                instant(rs, "valid_until"), instant(rs, "revoked_at"), rs.getString("revocation_reason")),
                rs.getBytes("encrypted_private_key"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
