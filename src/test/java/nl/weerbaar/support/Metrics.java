package nl.weerbaar.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

/** Reads one series from /actuator/prometheus, as Prometheus would scrape it. */
public final class Metrics {

    private final ApiClient api;

    public Metrics(int port) {
        this.api = new ApiClient(port);
    }

    /** The scrape as text; it needs no login, as a Prometheus inside the network would read it. */
    public String scrape() {
        ApiClient.Response response = api.get("/actuator/prometheus");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    /** @param series the name and labels exactly as written (labels in alphabetical order), e.g. {@code weerbaar_points{region="VR13",status="open"}} */
    public Optional<Double> value(String series) {
        return scrape().lines().filter(line -> line.startsWith(series + " "))
                .map(line -> Double.parseDouble(line.substring(series.length() + 1).strip().split(" ")[0]))
                .findFirst();
    }

    public double valueOf(String series) {
        return value(series).orElseThrow(() -> new AssertionError("no series " + series + " in /actuator/prometheus"));
    }
}
