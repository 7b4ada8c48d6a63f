package nl.weerbaar.bulletins;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.weerbaar.access.AccessControl;
import nl.weerbaar.access.Actor;
import nl.weerbaar.access.AuditTrail;
import nl.weerbaar.access.Role;
import nl.weerbaar.system.ApplicationClock;
import nl.weerbaar.system.DomainException.NotFound;
import nl.weerbaar.system.InputCheck;
import nl.weerbaar.system.Versioned;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The register of circulating claims: staff of an area record and assess them, and link the rebuttal. */
@Service
class Claims {

    public static final List<String> ASSESSMENTS = List.of("unverified", "false", "misleading", "true");
    private static final Set<String> CHANNELS = Set.of("whatsapp", "telegram", "facebook", "x", "tiktok", "instagram", "sms",
            "radio", "poster", "word-of-mouth", "website", "other");

    private final JdbcClient jdbc;
    private final AccessControl access;
    private final AuditTrail audit;
    private final Bulletins bulletins;
    private final Clock clock;

    Claims(JdbcClient jdbc, AccessControl access, AuditTrail audit, Bulletins bulletins, Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.audit = audit;
        this.bulletins = bulletins;
        this.clock = clock;
    }

    public record Input(String area, String text, String channel, Instant firstSeenAt, String firstSeenWhere,
                        Integer estimatedReach, String assessment, UUID rebuttalBulletin) {}

    @Transactional
    public Claim record(Input input) {
        Actor actor = access.requireRole(Role.OPERATOR);
        String area = check(input);
        access.require(Role.OPERATOR, area);
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into claim (id, area_code, text, channel, first_seen_at, first_seen_where, estimated_reach,
                                   assessment, rebuttal_bulletin_id, recorded_by, recorded_at)
                values (:id, :area, :text, :channel, :seen, :where, :reach, :assessment, :rebuttal, :actor, :recordedAt)""")
                .params(values(input, area)).param("id", id).param("actor", actor.username())
                .param("recordedAt", Timestamp.from(clock.instant())).update();
        Claim created = find(id).orElseThrow();
        audit.record(new AuditTrail.Change("claim.recorded", "claim", id.toString(), area, null, created));
        return created;
    }

    @Transactional
    public Claim update(UUID id, String ifMatch, Input input) {
        access.requireRole(Role.OPERATOR);
        String area = check(input);
        access.require(Role.OPERATOR, area);
        Claim before = find(id).orElseThrow(() -> new NotFound("no claim " + id));
        access.require(Role.OPERATOR, before.area());
        Versioned.requireMatch(ifMatch, before.version());
        jdbc.sql("""
                update claim set area_code = :area, text = :text, channel = :channel, first_seen_at = :seen,
                    first_seen_where = :where, estimated_reach = :reach, assessment = :assessment,
                    rebuttal_bulletin_id = :rebuttal, version = version + 1
                where id = :id""")
                .params(values(input, area)).param("id", id).update();
        Claim after = find(id).orElseThrow();
        audit.record(new AuditTrail.Change("claim.updated", "claim", id.toString(), area, before, after));
        return after;
    }

    public Optional<Claim> find(UUID id) {
        return jdbc.sql("select * from claim where id = :id").param("id", id).query(Claims::claim).optional();
    }

    /** A claim the current user may read: staff of its area. */
    @Transactional(readOnly = true)
    public Optional<Claim> visible(UUID id) {
        Actor actor = access.requireRole(Role.VIEWER);
        return find(id).filter(c -> access.mayRead(actor, c.area()));
    }

    /** Claims of the areas the user acts in, or of one of them, newest first. */
    @Transactional(readOnly = true)
    public List<Claim> list(String area) {
        Actor actor = access.requireRole(Role.VIEWER);
        if (area != null) {
            access.require(Role.VIEWER, area.toUpperCase());
        }
        return jdbc.sql("select * from claim " + (area == null ? "" : "where area_code = :area ")
                        + "order by first_seen_at desc limit 1000")
                .params(area == null ? Map.of() : Map.of("area", area.toUpperCase()))
                .query(Claims::claim).list().stream().filter(c -> access.mayRead(actor, c.area())).toList();
    }

    /** Number of claims per week first seen, per assessment, for the last weeks, oldest week first. */
    public record WeekCount(LocalDate week, String assessment, long claims) {}

    @Transactional(readOnly = true)
    public List<WeekCount> weeklyTrend(String area, int weeks) {
        access.require(Role.VIEWER, area.toUpperCase());
        Instant from = clock.instant().minus(weeks * 7L, ChronoUnit.DAYS);
        return jdbc.sql("""
                select cast(date_trunc('week', first_seen_at at time zone :zone) as date) as week, assessment, count(*) as claims
                from claim where area_code = :area and first_seen_at >= :from
                group by 1, 2 order by 1, 2""")
                .param("zone", ApplicationClock.NETHERLANDS.getId()).param("area", area.toUpperCase()).param("from", Timestamp.from(from))
                .query((rs, n) -> new WeekCount(rs.getObject("week", LocalDate.class),
                        rs.getString("assessment"), rs.getLong("claims")))
                .list();
    }

    private String check(Input input) {
        String area = input.area() == null ? null : input.area().trim().toUpperCase();
        Optional<Bulletin> rebuttal = input.rebuttalBulletin() == null ? Optional.empty() : bulletins.find(input.rebuttalBulletin());
        Instant now = clock.instant();
        new InputCheck()
                .require(area, a -> a.equals("NL") || !bulletins.areaName(a).equals(a), "area",
                        "must be NL, a safety region (VR13) or a municipality (GM0363)")
                .require(input.text(), t -> !t.isBlank() && t.length() <= 2000, "text", "must be 1 to 2000 characters")
                .require(input.channel(), CHANNELS::contains, "channel", "must be one of " + CHANNELS)
                .require(input.firstSeenAt(), t -> !t.isAfter(now.plusSeconds(60)), "firstSeenAt", "cannot lie in the future")
                .require(input.firstSeenWhere() == null || input.firstSeenWhere().length() <= 200, "firstSeenWhere",
                        "must be at most 200 characters: a place or channel name, never a person")
                .require(input.estimatedReach() == null || input.estimatedReach() >= 0, "estimatedReach", "cannot be negative")
                .require(input.assessment(), ASSESSMENTS::contains, "assessment", "must be one of " + ASSESSMENTS)
                .require(input.rebuttalBulletin() == null || rebuttal.filter(Bulletin::published).isPresent(), "rebuttalBulletin",
                        "must name a published bulletin")
                .orThrow();
        return area;
    }

    private static Map<String, Object> values(Input input, String area) {
        Map<String, Object> values = new HashMap<>();
        values.put("area", area);
        values.put("text", input.text().trim());
        values.put("channel", input.channel());
        values.put("seen", Timestamp.from(input.firstSeenAt()));
        values.put("where", input.firstSeenWhere() == null || input.firstSeenWhere().isBlank() ? null : input.firstSeenWhere().trim());
        values.put("reach", input.estimatedReach());
        values.put("assessment", input.assessment());
        values.put("rebuttal", input.rebuttalBulletin());
        return values;
    }

    private static Claim claim(ResultSet rs, int row) throws SQLException {
        return new Claim(rs.getObject("id", UUID.class), rs.getString("area_code"), rs.getString("text"), rs.getString("channel"),
                rs.getTimestamp("first_seen_at").toInstant(), rs.getString("first_seen_where"),
                (Integer) rs.getObject("estimated_reach"), rs.getString("assessment"), rs.getObject("rebuttal_bulletin_id", UUID.class),
                rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toInstant(), rs.getLong("version"));
    }
}
