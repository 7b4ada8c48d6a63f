package nl.weerbaar.areas;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import nl.weerbaar.areas.ReferenceDataFiles.MunicipalityRow;
import nl.weerbaar.areas.ReferenceDataFiles.ReferenceData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fills the area tables from the shipped reference data on the first start of a database, in one
 * transaction: a failed load leaves nothing behind, and the next start tries again.
 */
@Component
class ReferenceDataLoader {

    private static final Logger log = LoggerFactory.getLogger(ReferenceDataLoader.class);

    /** Serialises loaders: replicas starting together on an empty database load it only once. */
    private static final long LOAD_LOCK_KEY = 0x5765_6572_4172_6561L;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final Clock clock;

    ReferenceDataLoader(JdbcTemplate jdbc, TransactionTemplate transactions, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
    }

    /** Returns true when it loaded the data, false when the database already held it. */
    boolean loadIfEmpty() {
        return Boolean.TRUE.equals(transactions.execute(status -> {
            jdbc.query("select pg_advisory_xact_lock(?)", rs -> null, LOAD_LOCK_KEY);
            Integer earlierLoads = jdbc.queryForObject("select count(*) from reference_data_load", Integer.class);
            if (earlierLoads != null && earlierLoads > 0) {
                return false;
            }
            long started = System.nanoTime();
            log.info("Loading reference data from classpath:{} (first start on this database)", ReferenceDataFiles.FOLDER);
            ReferenceData data = ReferenceDataFiles.read(ReferenceDataFiles.FOLDER, json);
            insertRegions(data.regions());
            log.info("Loading reference data: {} safety regions…", count(data.regions().size()));
            insertMunicipalities(data.municipalities());
            log.info("Loading reference data: {} municipalities with boundaries…", count(data.municipalities().size()));
            insertPostcodes(data.postcodes());
            log.info("Loading reference data: {} postcode areas ({} with a population figure)…",
                    count(data.postcodes().size()),
                    count(data.postcodes().stream().filter(p -> p.population() != null).count()));
            log.info("Loading reference data: done in {} s",
                    String.format(Locale.ROOT, "%.1f", (System.nanoTime() - started) / 1e9));
            return true;
        }));
    }

    private void insertRegions(List<Region> regions) {
        jdbc.batchUpdate("insert into region (code, name, province, population, land_area_km2) values (?, ?, ?, ?, ?)",
                regions.stream().map(r -> new Object[] {r.code(), r.name(), r.province(), r.population(), r.landAreaKm2()})
                        .toList());
        recordLoad("safety regions", regions.size(), ReferenceDataFiles.REGIONS
                + ": CBS region names (CC BY 4.0), totals derived from the municipalities");
    }

    private void insertMunicipalities(List<MunicipalityRow> municipalities) {
        jdbc.batchUpdate("""
                        insert into municipality (code, name, province_code, province_name, region_code, population,
                            land_area_km2, centroid_lat, centroid_lon, inside_lat, inside_lon, boundary)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)""",
                municipalities.stream().map(row -> {
                    Municipality m = row.municipality();
                    return new Object[] {m.code(), m.name(), m.provinceCode(), m.provinceName(), m.regionCode(),
                            m.population(), m.landAreaKm2(), row.centroidLat(), row.centroidLon(), m.lat(), m.lon(),
                            json.writeValueAsString(row.boundary())};
                }).toList());
        recordLoad("municipalities", municipalities.size(), ReferenceDataFiles.MUNICIPALITIES + " and "
                + ReferenceDataFiles.BOUNDARIES + ": CBS 2024 division, population 1 Jan 2024 (CC BY 4.0); "
                + "safety regions from minvws/nl-covid19-data-dashboard (EUPL-1.2); boundaries via Hilbrand/slt (EUPL-1.2)");
    }

    private void insertPostcodes(List<PostcodeArea> postcodes) {
        jdbc.batchUpdate("""
                        insert into postcode_area (pc4, place, municipality_code, lat, lon, population, population_year)
                        values (?, ?, ?, ?, ?, ?, ?)""",
                postcodes.stream().map(p -> new Object[] {p.postcode(), p.place(), p.municipalityCode(), p.lat(), p.lon(),
                        p.population(), p.populationYear()}).toList());
        recordLoad("postcode areas", postcodes.size(), ReferenceDataFiles.POSTCODE_POPULATION
                + ": CBS 83503NED, population 1 Jan 2021 (CC BY 4.0); " + ReferenceDataFiles.POSTCODE_POINTS
                + ": points and places from bobdenotter/4pp (MIT)");
    }

    private void recordLoad(String dataset, int rows, String source) {
        jdbc.update("insert into reference_data_load (dataset, rows, source, loaded_at) values (?, ?, ?, ?)", dataset, rows, source,
                Timestamp.from(clock.instant()));
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
