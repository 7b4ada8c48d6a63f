package nl.weerbaar.bulletins;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class BulletinRepository {

    private static final String SELECT = """
            select b.*, (select s.id from bulletin s where s.references_id = b.id and s.status = 'published'
                         order by s.published_at limit 1) as superseded_by
            from bulletin b""";

    private final JdbcClient jdbc;

    BulletinRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Bulletin> find(UUID id) {
        return jdbc.sql(SELECT + " where b.id = :id").param("id", id).query(BulletinRepository::bulletin).optional();
    }

    /** For a change: locks the row until the transaction ends. */
    Optional<Bulletin> findForUpdate(UUID id) {
        jdbc.sql("select id from bulletin where id = :id for update").param("id", id).query().listOfRows();
        return find(id);
    }

    /** Bulletins for the given areas (all when empty), newest first; published ones only when asked. */
    List<Bulletin> list(List<String> areas, boolean publishedOnly, int limit) {
        StringBuilder sql = new StringBuilder(SELECT + " where true");
        if (!areas.isEmpty()) {
            sql.append(" and b.area_code = any(:areas)");
        }
        if (publishedOnly) {
            sql.append(" and b.status = 'published'");
        }
        sql.append(" order by coalesce(b.published_at, b.created_at) desc limit :limit");
        var statement = jdbc.sql(sql.toString()).param("limit", limit);
        if (!areas.isEmpty()) {
            statement = statement.param("areas", areas.toArray(String[]::new));
        }
        return statement.query(BulletinRepository::bulletin).list();
    }

    Optional<String> capXml(UUID id) {
        return jdbc.sql("select cap_xml from bulletin where id = :id and status = 'published'").param("id", id)
                .query(String.class).optional();
    }

    /** {@code createdAt} from the application clock: drafts are listed among published bulletins by it. */
    void insert(Bulletin b, Instant createdAt) {
        jdbc.sql("""
                insert into bulletin (id, organisation_code, area_code, kind, references_id, event, category, urgency,
                    severity, certainty, headline_nl, description_nl, instruction_nl, headline_en, description_en,
                    instruction_en, effective, expires, status, author, version, created_at)
                values (:id, :organisation, :area, :kind, :references, :event, :category, :urgency, :severity, :certainty,
                    :headlineNl, :descriptionNl, :instructionNl, :headlineEn, :descriptionEn, :instructionEn,
                    :effective, :expires, 'draft', :author, 0, :createdAt)""")
                .params(content(b)).param("id", b.id()).param("organisation", b.organisation()).param("author", b.author())
                .param("createdAt", Timestamp.from(createdAt)).update();
    }

    /** Replaces the content of a draft (or approved bulletin, which becomes a draft again) and bumps its version. */
    void updateContent(Bulletin b) {
        jdbc.sql("""
                update bulletin set area_code = :area, kind = :kind, references_id = :references, event = :event,
                    category = :category, urgency = :urgency, severity = :severity, certainty = :certainty,
                    headline_nl = :headlineNl, description_nl = :descriptionNl, instruction_nl = :instructionNl,
                    headline_en = :headlineEn, description_en = :descriptionEn, instruction_en = :instructionEn,
                    effective = :effective, expires = :expires, status = 'draft', approver = null, approved_at = null,
                    version = version + 1
                where id = :id and status <> 'published'""")
                .params(content(b)).param("id", b.id()).update();
    }

    void approve(UUID id, String approver, Instant at) {
        jdbc.sql("""
                update bulletin set status = 'approved', approver = :approver, approved_at = :at, version = version + 1
                where id = :id and status = 'draft'""")
                .param("id", id).param("approver", approver).param("at", Timestamp.from(at)).update();
    }

    void publish(UUID id, String publisher, Instant at, String kid, String capXml, String posterCode) {
        jdbc.sql("""
                update bulletin set status = 'published', publisher = :publisher, published_at = :at, kid = :kid,
                    cap_xml = :capXml, poster_code = :posterCode, version = version + 1
                where id = :id and status = 'approved'""")
                .param("id", id).param("publisher", publisher).param("at", Timestamp.from(at)).param("kid", kid)
                .param("capXml", capXml).param("posterCode", posterCode).update();
    }

    Optional<String> posterCode(UUID id) {
        return jdbc.sql("select poster_code from bulletin where id = :id and status = 'published'").param("id", id)
                .query(String.class).optional();
    }

    private static Map<String, Object> content(Bulletin b) {
        Map<String, Object> values = new HashMap<>();
        values.put("area", b.areaCode());
        values.put("kind", b.kind().name());
        values.put("references", b.references());
        values.put("event", b.event());
        values.put("category", b.category());
        values.put("urgency", b.urgency());
        values.put("severity", b.severity());
        values.put("certainty", b.certainty());
        values.put("headlineNl", b.dutch().headline());
        values.put("descriptionNl", b.dutch().description());
        values.put("instructionNl", b.dutch().instruction());
        values.put("headlineEn", b.english() == null ? null : b.english().headline());
        values.put("descriptionEn", b.english() == null ? null : b.english().description());
        values.put("instructionEn", b.english() == null ? null : b.english().instruction());
        values.put("effective", Timestamp.from(b.effective()));
        values.put("expires", Timestamp.from(b.expires()));
        return values;
    }

    private static Bulletin bulletin(ResultSet rs, int row) throws SQLException {
        String headlineEn = rs.getString("headline_en");
        return new Bulletin(rs.getObject("id", UUID.class), rs.getString("organisation_code"), rs.getString("area_code"),
                Bulletin.Kind.valueOf(rs.getString("kind")), rs.getObject("references_id", UUID.class), rs.getString("event"),
                rs.getString("category"), rs.getString("urgency"), rs.getString("severity"), rs.getString("certainty"),
                new Bulletin.Text(rs.getString("headline_nl"), rs.getString("description_nl"), rs.getString("instruction_nl")),
                headlineEn == null ? null : new Bulletin.Text(headlineEn, rs.getString("description_en"), rs.getString("instruction_en")),
                instant(rs, "effective"), instant(rs, "expires"), Bulletin.Status.valueOf(rs.getString("status")),
                rs.getString("author"), rs.getString("approver"), instant(rs, "approved_at"), rs.getString("publisher"),
                instant(rs, "published_at"), rs.getString("kid"), rs.getObject("superseded_by", UUID.class), rs.getLong("version"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
