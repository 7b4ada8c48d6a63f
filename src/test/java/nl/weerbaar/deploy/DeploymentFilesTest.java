package nl.weerbaar.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The deployment in deploy/ checked offline, as CI can without a container daemon or a cluster:
 * every YAML file parses; the Kubernetes manifests have the structure their kinds require and
 * their names refer to each other; the Compose file's parts exist; the image runs the launcher's
 * serve command as a non-root user on a Temurin JRE; and every Weerbaar setting the files use is
 * in the README's configuration table. No schema validator (kubeconform, docker compose config)
 * runs here: what is checked is written out below.
 */
class DeploymentFilesTest {

    private static final Path DEPLOY = Path.of("deploy");
    private static final Pattern SETTING = Pattern.compile("\\bWEERBAAR_[A-Z0-9_]+\\b");

    private static final Map<String, String> API_VERSIONS = Map.of(
            "Deployment", "apps/v1", "Service", "v1", "Secret", "v1", "HorizontalPodAutoscaler", "autoscaling/v2",
            "PodDisruptionBudget", "policy/v1", "Ingress", "networking.k8s.io/v1",
            "Cluster", "postgresql.cnpg.io/v1", "ScheduledBackup", "postgresql.cnpg.io/v1");

    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        return new Yaml(options);
    }

    private static List<Path> files(String glob) throws IOException {
        try (Stream<Path> all = Files.walk(DEPLOY)) {
            var matcher = DEPLOY.getFileSystem().getPathMatcher("glob:" + glob);
            return all.filter(Files::isRegularFile).filter(p -> matcher.matches(p.getFileName())).sorted().toList();
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> documents(Path file) throws IOException {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : yaml().loadAll(Files.readString(file))) {
            if (document != null) {
                assertThat(document).as(file + ": every document is a mapping").isInstanceOf(Map.class);
                documents.add((Map<String, Object>) document);
            }
        }
        return documents;
    }

    @SuppressWarnings("unchecked")
    private static <T> T at(Object node, String... path) {
        Object current = node;
        for (String key : path) {
            assertThat(current).as("a mapping above '" + key + "' in " + String.join(".", path)).isInstanceOf(Map.class);
            current = ((Map<String, Object>) current).get(key);
            assertThat(current).as(String.join(".", path) + " is missing").isNotNull();
        }
        return (T) current;
    }

    private static List<Map<String, Object>> manifests() throws IOException {
        List<Map<String, Object>> all = new ArrayList<>();
        for (Path file : files("*.yaml")) {
            if (file.startsWith(DEPLOY.resolve("kubernetes"))) {
                all.addAll(documents(file));
            }
        }
        return all;
    }

    private static Map<String, Object> one(List<Map<String, Object>> manifests, String kind) {
        List<Map<String, Object>> ofKind = manifests.stream().filter(m -> kind.equals(m.get("kind"))).toList();
        assertThat(ofKind).as("one " + kind).hasSize(1);
        return ofKind.getFirst();
    }

    @Test
    void everyYamlFileParses() throws IOException {
        List<Path> yamlFiles = new ArrayList<>(files("*.yaml"));
        yamlFiles.addAll(files("*.yml"));
        assertThat(yamlFiles).isNotEmpty();
        for (Path file : yamlFiles) {
            assertThat(documents(file)).as(file.toString()).isNotEmpty();
        }
        JsonNode dashboard = JsonMapper.builder().build().readTree(DEPLOY.resolve("grafana/weerbaar-dashboard.json").toFile());
        assertThat(dashboard.get("panels").size()).isPositive();
    }

    @Test
    void kubernetesManifestsHaveTheStructureTheirKindsRequire() throws IOException {
        List<Map<String, Object>> manifests = manifests();
        for (Map<String, Object> manifest : manifests) {
            String kind = at(manifest, "kind");
            assertThat(API_VERSIONS).as("a kind this check knows").containsKey(kind);
            assertThat(manifest.get("apiVersion")).as(kind).isEqualTo(API_VERSIONS.get(kind));
            assertThat((String) at(manifest, "metadata", "name")).as(kind).matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
        }

        Map<String, Object> deployment = one(manifests, "Deployment");
        Map<String, Object> selector = at(deployment, "spec", "selector", "matchLabels");
        Map<String, Object> podLabels = at(deployment, "spec", "template", "metadata", "labels");
        assertThat(podLabels).as("the selector selects the pods").containsAllEntriesOf(selector);
        List<Map<String, Object>> containers = at(deployment, "spec", "template", "spec", "containers");
        assertThat(containers).hasSize(1);
        Map<String, Object> container = containers.getFirst();
        assertThat(container).as("the image's entrypoint, not another command").doesNotContainKeys("command", "args");
        assertThat((Map<String, Object>) at(container, "resources", "requests")).containsKeys("cpu", "memory");
        assertThat((Map<String, Object>) at(container, "resources", "limits")).containsKey("memory");
        List<Map<String, Object>> ports = at(container, "ports");
        assertThat(ports.getFirst()).containsEntry("name", "http").containsEntry("containerPort", imagePort());
        assertThat((String) at(container, "livenessProbe", "httpGet", "path")).isEqualTo("/actuator/health/liveness");
        assertThat((String) at(container, "readinessProbe", "httpGet", "path")).isEqualTo("/actuator/health/readiness");
        assertThat((Object) at(container, "livenessProbe", "httpGet", "port")).isEqualTo("http");
        assertThat((Object) at(container, "readinessProbe", "httpGet", "port")).isEqualTo("http");
        assertThat((Object) at(deployment, "spec", "template", "spec", "securityContext", "runAsNonRoot")).isEqualTo(true);

        Map<String, Object> service = one(manifests, "Service");
        assertThat(podLabels).as("the Service selects the pods").containsAllEntriesOf(at(service, "spec", "selector"));
        Map<String, Object> hpa = one(manifests, "HorizontalPodAutoscaler");
        assertThat((Object) at(hpa, "spec", "scaleTargetRef", "kind")).isEqualTo("Deployment");
        assertThat((Object) at(hpa, "spec", "scaleTargetRef", "name")).isEqualTo(at(deployment, "metadata", "name"));
        assertThat((Integer) at(hpa, "spec", "minReplicas")).isGreaterThanOrEqualTo(2).isLessThanOrEqualTo(at(hpa, "spec", "maxReplicas"));
        Map<String, Object> pdb = one(manifests, "PodDisruptionBudget");
        assertThat(podLabels).as("the budget covers the pods").containsAllEntriesOf(at(pdb, "spec", "selector", "matchLabels"));
        assertThat((Integer) at(pdb, "spec", "minAvailable")).isLessThan(at(hpa, "spec", "minReplicas"));
        Map<String, Object> ingress = one(manifests, "Ingress");
        List<Map<String, Object>> rules = at(ingress, "spec", "rules");
        List<Map<String, Object>> paths = at(rules.getFirst(), "http", "paths");
        assertThat((Object) at(paths.getFirst(), "backend", "service", "name")).isEqualTo(at(service, "metadata", "name"));
        List<Map<String, Object>> servicePorts = at(service, "spec", "ports");
        assertThat((Object) at(paths.getFirst(), "backend", "service", "port", "name")).isEqualTo(servicePorts.getFirst().get("name"));

        Map<String, Object> cluster = one(manifests, "Cluster");
        assertThat((Integer) at(cluster, "spec", "instances")).isEqualTo(3);
        assertThat((Integer) at(cluster, "spec", "minSyncReplicas")).as("synchronous: no acknowledged write lost").isGreaterThanOrEqualTo(1);
        assertThat((Object) at(cluster, "spec", "backup", "barmanObjectStore", "destinationPath")).isNotNull();
        Map<String, Object> scheduled = one(manifests, "ScheduledBackup");
        assertThat((Object) at(scheduled, "spec", "cluster", "name")).isEqualTo(at(cluster, "metadata", "name"));
        assertThat(((String) at(scheduled, "spec", "schedule")).split(" ")).as("six fields, seconds first").hasSize(6);

        // Every secret the pods read is in the example secrets or made by the operator for the Cluster.
        Set<String> secrets = new TreeSet<>(manifests.stream().filter(m -> "Secret".equals(m.get("kind")))
                .map(m -> (String) at(m, "metadata", "name")).toList());
        secrets.add(at(cluster, "metadata", "name") + "-app");
        List<Map<String, Object>> env = at(container, "env");
        for (Map<String, Object> variable : env) {
            if (variable.containsKey("valueFrom")) {
                assertThat(secrets).as((String) variable.get("name")).contains((String) at(variable, "valueFrom", "secretKeyRef", "name"));
            }
        }
    }

    private static int imagePort() throws IOException {
        Matcher expose = Pattern.compile("(?m)^EXPOSE (\\d+)$").matcher(Files.readString(DEPLOY.resolve("Dockerfile")));
        assertThat(expose.find()).as("the Dockerfile exposes a port").isTrue();
        return Integer.parseInt(expose.group(1));
    }

    @Test
    void theImageRunsTheLaunchersServeCommandAsANonRootUserOnATemurinJre() throws IOException {
        String dockerfile = Files.readString(DEPLOY.resolve("Dockerfile"));
        String image = dockerfile.substring(dockerfile.lastIndexOf("\nFROM "));
        assertThat(image).as("the final stage").startsWith("\nFROM eclipse-temurin:").contains("-jre\n");
        Matcher user = Pattern.compile("(?m)^USER (\\S+)$").matcher(image);
        assertThat(user.find()).as("a USER in the final stage").isTrue();
        assertThat(user.group(1)).isNotIn("0", "root");

        Matcher entrypoint = Pattern.compile("(?m)^ENTRYPOINT (\\[.*])$").matcher(image);
        assertThat(entrypoint.find()).as("an ENTRYPOINT in exec form").isTrue();
        List<String> command = JsonMapper.builder().build().readValue(entrypoint.group(1),
                JsonMapper.builder().build().getTypeFactory().constructCollectionType(List.class, String.class));
        assertThat(command.getFirst()).isEqualTo("java");
        int jar = command.indexOf("-jar");
        assertThat(command.get(jar + 1)).isEqualTo("/app/weerbaar.jar");
        // What follows the jar is the launcher's serve command as the README's command table gives it.
        assertThat(command.subList(jar + 2, command.size())).containsExactly("serve", "--port", String.valueOf(imagePort()), "--data", "/data");
        assertThat(Files.readString(Path.of("README.md"))).contains("| `./weerbaar serve [--port N]` |");
        assertThat(Files.readString(Path.of("src/main/java/nl/weerbaar/system/Launcher.java")))
                .contains("args.getFirst().equals(\"serve\")", "takeOption(args, \"port\")", "takeOption(args, \"data\")");
        assertThat(image).contains("VOLUME /data");

        // The AOT cache the image uses is the one its training start wrote, from the jar it runs.
        String cache = command.stream().filter(a -> a.startsWith("-XX:AOTCache=")).findFirst().orElseThrow().substring("-XX:AOTCache=".length());
        assertThat(dockerfile).contains("-XX:AOTCacheOutput=" + cache, "extract --destination /app");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theComposeFilesPartsExistAndReferToEachOther() throws IOException {
        Path composeFile = DEPLOY.resolve("compose/compose.yaml");
        Map<String, Object> compose = documents(composeFile).getFirst();
        Map<String, Object> services = at(compose, "services");
        assertThat(services).containsKeys("db-primary", "db-standby", "weerbaar-1", "weerbaar-2", "nginx");
        for (Map.Entry<String, Object> service : services.entrySet()) {
            Map<String, Object> definition = (Map<String, Object>) service.getValue();
            Object dependsOn = definition.get("depends_on");
            if (dependsOn != null) {
                Set<String> names = dependsOn instanceof Map<?, ?> m ? (Set<String>) m.keySet() : new LinkedHashSet<>((List<String>) dependsOn);
                assertThat(services).as(service.getKey() + " depends on").containsKeys(names.toArray(String[]::new));
            }
            for (Object volume : (List<Object>) definition.getOrDefault("volumes", List.of())) {
                if (volume instanceof String bind && bind.startsWith(".")) {
                    assertThat(composeFile.getParent().resolve(bind.substring(0, bind.indexOf(':')))).as(service.getKey()).exists();
                }
            }
        }
        for (String replica : List.of("weerbaar-1", "weerbaar-2")) {
            Map<String, Object> definition = at(services, replica);
            assertThat(definition).as("the image's entrypoint").doesNotContainKeys("command", "entrypoint");
            assertThat((String) at(definition, "build", "dockerfile")).isEqualTo("deploy/Dockerfile");
            assertThat(composeFile.getParent().resolve((String) at(definition, "build", "context")).resolve("deploy/Dockerfile")).exists();
            Map<String, Object> environment = at(definition, "environment");
            assertThat((String) environment.get("WEERBAAR_DB_URL")).contains("db-primary:5432,db-standby:5432/", "targetServerType=primary");
            assertThat(environment).as("one configured master key for both").containsKey("WEERBAAR_MASTER_KEY");
        }
        assertThat(at(services, "weerbaar-1", "environment").equals(at(services, "weerbaar-2", "environment"))).isTrue();

        // nginx runs deploy/nginx/weerbaar-cache.conf as kept, with its upstream line replaced.
        String nginxCommand = String.join(" ", (List<String>) at(services, "nginx", "command"));
        Matcher replaced = Pattern.compile("sed 's/(server 127\\.0\\.0\\.1:8080;)/").matcher(nginxCommand);
        assertThat(replaced.find()).isTrue();
        assertThat(Files.readString(DEPLOY.resolve("nginx/weerbaar-cache.conf"))).contains("    " + replaced.group(1).replace("\\", ""));
        for (String script : List.of("primary-init.sh", "standby-start.sh")) {
            assertThat(Files.isExecutable(DEPLOY.resolve("compose").resolve(script))).as(script).isTrue();
        }
    }

    @Test
    void everyWeerbaarSettingTheFilesUseIsInTheReadmesConfigurationTable() throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> all = Files.walk(DEPLOY)) {
            for (Path file : all.filter(Files::isRegularFile).toList()) {
                Matcher setting = SETTING.matcher(Files.readString(file));
                while (setting.find()) {
                    used.add(setting.group());
                }
            }
        }
        Set<String> documented = readmeSettings();
        assertThat(documented).as("the README's configuration table is found and read").contains("WEERBAAR_DB_URL", "WEERBAAR_PUBLIC_URL");
        assertThat(used).contains("WEERBAAR_DB_URL", "WEERBAAR_MASTER_KEY");

        Set<String> missing = new TreeSet<>(used);
        missing.removeAll(documented);
        assertThat(missing).as("settings used in deploy/ but not in the README's configuration table").isEmpty();
    }

    /** The names in backticks in the second column of the table under "## Configuration". */
    private static Set<String> readmeSettings() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("\n## Configuration\n");
        assertThat(start).as("README.md has a Configuration section").isNotNegative();
        int end = readme.indexOf("\n## ", start + 1);
        Set<String> names = new TreeSet<>();
        for (String line : readme.substring(start, end < 0 ? readme.length() : end).lines().toList()) {
            String[] cells = line.split("\\|");
            if (line.startsWith("|") && cells.length >= 3) {
                Matcher name = Pattern.compile("`([A-Z][A-Z0-9_]+)`").matcher(cells[2]);
                while (name.find()) {
                    names.add(name.group(1));
                }
            }
        }
        return names;
    }
}
