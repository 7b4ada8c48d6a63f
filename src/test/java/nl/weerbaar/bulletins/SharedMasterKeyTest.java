package nl.weerbaar.bulletins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import nl.weerbaar.WeerbaarApplication;
import nl.weerbaar.support.ApiClient;
import nl.weerbaar.system.StartRefusedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two instances on one database, as behind a load balancer: with one configured master key each
 * signs with the keys the other made, and both signatures check out as genuine; without a key, or
 * with another one, an instance refuses to start. Rotating the master key moves every stored key
 * to the new one, after which only the new key starts.
 */
class SharedMasterKeyTest {

    private static final String ADMIN_PASSWORD = "shared-key-admin-password";
    private static final String PASSWORD = "shared-key-user-password";

    @TempDir
    Path work;

    private final List<ConfigurableApplicationContext> running = new ArrayList<>();

    @AfterEach
    void stop() {
        // the instances on the embedded server first, then the one that owns it
        running.reversed().forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void twoInstancesSignAlikeWithOneMasterKeyAndRefuseToStartWithoutIt() throws Exception {
        String key = randomKey();
        ConfigurableApplicationContext first = start("first", "", key);
        String url = jdbcUrlOf(first);
        ConfigurableApplicationContext second = start("second", url, key);
        Instance a = new Instance(first);
        Instance b = new Instance(second);

        // Amsterdam's key is made on the first instance and used on the second; Utrecht's the other way round.
        String amsterdamOnA = a.publish("GM0363", a);
        String amsterdamOnB = b.publish("GM0363", a);
        String utrechtOnB = b.publish("GM0344", b);
        String utrechtOnA = a.publish("GM0344", b);
        for (String cap : List.of(amsterdamOnA, amsterdamOnB, utrechtOnB, utrechtOnA)) {
            assertThat(a.verdict(cap)).isEqualTo("genuine");
            assertThat(b.verdict(cap)).isEqualTo("genuine");
        }

        assertThat(refusal("without-key", url, "")).startsWith("Weerbaar on a PostgreSQL server (WEERBAAR_DB_URL) needs the master key");
        String otherKey = randomKey();
        assertThat(refusal("other-key", url, otherKey))
                .startsWith("The configured master key (fingerprint " + new MasterKey(Base64.getDecoder().decode(otherKey)).fingerprint()
                        + ") does not open")
                .contains("stored private signing keys", "the same one everywhere");

        MasterKeyRotation.Rotated rotated = second.getBean(MasterKeyRotation.class).rotate(new MasterKey(Base64.getDecoder().decode(otherKey)));
        assertThat(rotated.keys()).isGreaterThanOrEqualTo(2);
        assertThat(second.getBean(JdbcClient.class).sql("select count(*) from audit_entry where action = 'master-key.rotated' and entity_id = ?")
                .param(rotated.newFingerprint()).query(Integer.class).single()).as("the rotation is in the audit trail").isEqualTo(1);
        running.remove(second);
        second.close();
        assertThat(refusal("old-key", url, key)).contains("does not open");
        Instance rotatedInstance = new Instance(start("rotated", url, otherKey));
        String afterRotation = rotatedInstance.publish("GM0363", a);
        assertThat(rotatedInstance.verdict(afterRotation)).isEqualTo("genuine");
        assertThat(rotatedInstance.verdict(amsterdamOnA)).as("what was signed before still checks out").isEqualTo("genuine");
    }

    private ConfigurableApplicationContext start(String name, String databaseUrl, String masterKey) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(WeerbaarApplication.class).run(
                "--weerbaar.data-dir=" + work.resolve(name),
                "--server.port=0",
                "--weerbaar.db.url=" + databaseUrl,
                "--weerbaar.db.user=postgres",
                "--weerbaar.master-key=" + masterKey,
                "--weerbaar.master-key-file=",
                "--weerbaar.admin-password=" + ADMIN_PASSWORD,
                "--weerbaar.demo.load-on-first-start=false",
                "--logging.level.root=WARN");
        running.add(context);
        return context;
    }

    private String refusal(String name, String databaseUrl, String masterKey) {
        Throwable failure = catchThrowable(() -> start(name, databaseUrl, masterKey));
        assertThat(failure).as("%s starts", name).isNotNull();
        return StartRefusedException.in(failure).orElseThrow(() -> new AssertionError("not a refusal", failure)).getMessage();
    }

    private static String jdbcUrlOf(ConfigurableApplicationContext context) throws Exception {
        try (var connection = context.getBean(javax.sql.DataSource.class).getConnection()) {
            return connection.getMetaData().getURL();
        }
    }

    private static String randomKey() {
        byte[] bytes = new byte[32];
        new java.security.SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** One running instance, spoken to over HTTP as a client behind a load balancer would. */
    private static final class Instance {
        final int port;
        final ApiClient api;
        final Clock clock;
        final String admin;

        Instance(ConfigurableApplicationContext context) {
            this.port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
            this.api = new ApiClient(port);
            this.clock = context.getBean(Clock.class);
            this.admin = api.token("admin", ADMIN_PASSWORD);
        }

        /** Drafts on the other instance, approves and publishes here: the signature is made by this instance. */
        String publish(String organisation, Instance drafting) {
            String author = drafting.api.token(drafting.api.createUser(drafting.admin, organisation, "coordinator", PASSWORD), PASSWORD);
            String colleague = drafting.api.token(drafting.api.createUser(drafting.admin, organisation, "coordinator", PASSWORD), PASSWORD);
            ApiClient.Response draft = drafting.api.post("/api/v1/bulletins", author, BulletinsApiTest.draftJson(clock, organisation, "alert", null));
            assertThat(draft.status()).as(draft.body()).isEqualTo(201);
            String id = draft.json().get("id").asString();
            ApiClient.Response approved = api.sendIfMatch("POST", "/api/v1/bulletins/" + id + "/approval", colleague, null, "\"0\"");
            assertThat(approved.status()).as(approved.body()).isEqualTo(200);
            ApiClient.Response published = api.post("/api/v1/bulletins/" + id + "/publication", author, null);
            assertThat(published.status()).as("publication on port %d: %s", port, published.body()).isEqualTo(200);
            return api.get("/api/v1/bulletins/" + id + "/cap").body();
        }

        String verdict(String capXml) throws Exception {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/verification"))
                    .header("Content-Type", "application/cap+xml")
                    .POST(HttpRequest.BodyPublishers.ofString(capXml, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return new ApiClient.Response(response.statusCode(), response.headers(), response.body()).json().get("verdict").asString();
        }
    }
}
