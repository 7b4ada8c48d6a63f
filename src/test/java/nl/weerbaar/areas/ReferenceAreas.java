package nl.weerbaar.areas;

import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@link Areas} of the shipped reference data without a database, for benchmarks that build
 * their input in memory: the same files, checks and spatial index as the application reads.
 */
public final class ReferenceAreas {

    private ReferenceAreas() {}

    public static Areas fromShippedFiles() {
        JsonMapper json = JsonMapper.builder().build();
        ReferenceDataFiles.ReferenceData data = ReferenceDataFiles.read(ReferenceDataFiles.FOLDER, json);
        List<AreaRepository.StoredMunicipality> municipalities = data.municipalities().stream()
                .map(row -> new AreaRepository.StoredMunicipality(row.municipality(), row.boundary().toString())).toList();
        AreaRepository files = new AreaRepository(null) {
            @Override
            List<Region> regions() {
                return data.regions();
            }

            @Override
            List<StoredMunicipality> municipalities() {
                return municipalities;
            }

            @Override
            List<PostcodeArea> postcodes() {
                return data.postcodes();
            }
        };
        ReferenceDataLoader loaded = new ReferenceDataLoader(null, null, json, null) {
            @Override
            boolean loadIfEmpty() {
                return false;
            }
        };
        return new Areas(loaded, files, json);
    }
}
