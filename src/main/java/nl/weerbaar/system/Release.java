package nl.weerbaar.system;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.stereotype.Component;

/**
 * The release this build is: the version in pom.xml, which the build writes into
 * META-INF/build-info.properties. The API-Version header, the OpenAPI document, /over and the
 * system page all show this one number.
 */
@Component
public class Release {

    private final String version;

    Release(ObjectProvider<BuildProperties> build) {
        BuildProperties properties = build.getIfAvailable();
        // Classes compiled by an IDE without Maven have no build information; say so rather than guess.
        this.version = properties != null && properties.getVersion() != null ? properties.getVersion() : "0.0.0-development";
    }

    /** e.g. {@code 1.0.0}: Semantic Versioning, the major number the one in the API's path (/api/v1). */
    public String version() {
        return version;
    }
}
