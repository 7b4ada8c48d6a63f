package nl.weerbaar.bulletins;

import java.security.GeneralSecurityException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import nl.weerbaar.areas.Areas;
import nl.weerbaar.areas.Municipality;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class TrustAnchorRepository {

    private final JdbcClient jdbc;
    private final Areas areas;

    TrustAnchorRepository(JdbcClient jdbc, Areas areas) {
        this.jdbc = jdbc;
        this.areas = areas;
    }

    List<TrustAnchor> all() {
        return jdbc.sql("select * from trust_anchor order by added_at, id").query(this::anchor).list();
    }

    Optional<TrustAnchor> find(UUID id) {
        return jdbc.sql("select * from trust_anchor where id = :id").param("id", id).query(this::anchor).optional();
    }

    boolean liveWithKid(String kid) {
        return jdbc.sql("select count(*) from trust_anchor where kid = :kid and revoked_at is null").param("kid", kid)
                .query(Long.class).single() > 0;
    }

    void insert(TrustAnchor anchor, String addedBy, Instant addedAt) {
        byte[] certificate = anchor.certificate().map(TrustAnchorRepository::der).orElse(null);
        jdbc.sql("""
                insert into trust_anchor (id, name, kind, certificate, public_key, kid, areas, valid_from, valid_until,
                                          added_by, added_at)
                values (:id, :name, :kind, :certificate, :publicKey, :kid, :areas, :validFrom, :validUntil, :addedBy, :addedAt)""")
                .param("id", anchor.id()).param("name", anchor.name())
                .param("kind", certificate == null ? "publicKey" : "certificate").param("certificate", certificate)
                .param("publicKey", anchor.publicKey().getEncoded()).param("kid", anchor.kid())
                .param("areas", String.join(",", anchor.areas())).param("validFrom", Timestamp.from(anchor.validFrom()))
                .param("validUntil", anchor.validUntil() == null ? null : Timestamp.from(anchor.validUntil()))
                .param("addedBy", addedBy).param("addedAt", Timestamp.from(addedAt))
                .update();
    }

    void revoke(UUID id, Instant from, String reason) {
        jdbc.sql("update trust_anchor set revoked_at = :from, revocation_reason = :reason where id = :id")
                .param("id", id).param("from", Timestamp.from(from)).param("reason", reason).update();
    }

    /** The areas with every municipality of a named region added: what a check compares a message's areas with. */
    Set<String> covers(List<String> named) {
        Set<String> covers = new TreeSet<>(named);
        named.stream().filter(area -> area.startsWith("VR"))
                .forEach(region -> areas.municipalitiesInRegion(region).stream().map(Municipality::code).forEach(covers::add));
        return covers;
    }

    boolean knownArea(String code) {
        return code.equals("NL") || areas.region(code).isPresent() || areas.municipality(code).isPresent();
    }

    private TrustAnchor anchor(ResultSet rs, int row) throws SQLException {
        try {
            byte[] certificate = rs.getBytes("certificate");
            List<String> named = Arrays.asList(rs.getString("areas").split(","));
            return new TrustAnchor(rs.getObject("id", UUID.class), rs.getString("name"),
                    certificate == null ? Optional.empty() : Optional.of(AnchorMaterial.certificate(certificate)),
                    AnchorMaterial.publicKey(rs.getBytes("public_key")), named, covers(named), instant(rs, "valid_from"),
                    instant(rs, "valid_until"), instant(rs, "revoked_at"), rs.getString("revocation_reason"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a stored trust anchor cannot be read", e);
        }
    }

    private static byte[] der(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("a certificate that was read cannot be written again", e);
        }
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
