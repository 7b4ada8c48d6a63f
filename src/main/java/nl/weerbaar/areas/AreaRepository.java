package nl.weerbaar.areas;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads the area tables; the reference data loader is the only writer. */
@Repository
class AreaRepository {

    record StoredMunicipality(Municipality municipality, String boundaryGeoJson) {}

    private final JdbcClient jdbc;

    AreaRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Region> regions() {
        return jdbc.sql("""
                        select r.code, r.name, r.province, r.population, r.land_area_km2, count(m.code) as municipality_count
                        from region r left join municipality m on m.region_code = r.code
                        group by r.code
                        order by r.code""")
                .query((rs, row) -> new Region(rs.getString("code"), rs.getString("name"), rs.getString("province"),
                        rs.getLong("population"), rs.getDouble("land_area_km2"), rs.getInt("municipality_count")))
                .list();
    }

    List<StoredMunicipality> municipalities() {
        return jdbc.sql("""
                        select code, name, province_code, province_name, region_code, population, land_area_km2,
                               inside_lat, inside_lon, boundary::text as boundary
                        from municipality
                        order by code""")
                .query((rs, row) -> new StoredMunicipality(
                        new Municipality(rs.getString("code"), rs.getString("name"), rs.getString("province_code"),
                                rs.getString("province_name"), rs.getString("region_code"), rs.getLong("population"),
                                rs.getDouble("land_area_km2"), rs.getDouble("inside_lat"), rs.getDouble("inside_lon")),
                        rs.getString("boundary")))
                .list();
    }

    List<PostcodeArea> postcodes() {
        return jdbc.sql("""
                        select pc4, place, municipality_code, lat, lon, population, population_year
                        from postcode_area
                        order by pc4""")
                .query((rs, row) -> new PostcodeArea(rs.getString("pc4"), rs.getString("place"),
                        rs.getString("municipality_code"), rs.getDouble("lat"), rs.getDouble("lon"),
                        rs.getObject("population", Integer.class), rs.getObject("population_year", Integer.class)))
                .list();
    }
}
