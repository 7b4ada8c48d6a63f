package nl.weerbaar.access;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class OrganisationRepository {

    private final JdbcClient jdbc;
    private final Clock clock;

    OrganisationRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    List<String> areasOf(String organisationCode) {
        return jdbc.sql("select area_code from organisation_area where organisation_code = :code order by area_code")
                .param("code", organisationCode)
                .query(String.class)
                .list();
    }

    /** The area an organisation's audit entries are filed under: its own, or NL when it has several. */
    String auditArea(String organisationCode) {
        List<String> areas = areasOf(organisationCode);
        return areas.size() == 1 ? areas.getFirst() : "NL";
    }

    Optional<Organisation> find(String code) {
        return jdbc.sql("select code, kind, name from organisation where code = :code")
                .param("code", code)
                .query((rs, n) -> new Organisation(rs.getString("code"), OrganisationKind.fromCode(rs.getString("kind")),
                        rs.getString("name"), areasOf(rs.getString("code"))))
                .optional();
    }

    List<Organisation> findAll() {
        Map<String, List<String>> areas = jdbc.sql("select organisation_code, area_code from organisation_area order by area_code")
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return jdbc.sql("select code, kind, name from organisation order by kind, code")
                .query((rs, n) -> new Organisation(rs.getString("code"), OrganisationKind.fromCode(rs.getString("kind")),
                        rs.getString("name"), areas.getOrDefault(rs.getString("code"), List.of())))
                .list();
    }

    /** Inserts or renames; returns true when the organisation is new. */
    boolean upsert(Organisation organisation) {
        boolean created = jdbc.sql("""
                        insert into organisation (code, kind, name, created_at) values (:code, :kind, :name, :now)
                        on conflict (code) do nothing""")
                .param("code", organisation.code())
                .param("kind", organisation.kind().code())
                .param("name", organisation.name())
                .param("now", Timestamp.from(clock.instant()))
                .update() == 1;
        if (!created) {
            jdbc.sql("update organisation set name = :name where code = :code and name <> :name")
                    .param("code", organisation.code())
                    .param("name", organisation.name())
                    .update();
        }
        for (String area : organisation.areas()) {
            jdbc.sql("insert into organisation_area (organisation_code, area_code) values (:code, :area) on conflict do nothing")
                    .param("code", organisation.code())
                    .param("area", area)
                    .update();
        }
        return created;
    }
}
