package org.asylumcasetracker.deployment;

import static io.restassured.RestAssured.given;
import static org.asylumcasetracker.support.Management.management;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * No Docker engine or cluster runs on the build machines, so the container, Compose and Kubernetes files
 * are checked against the application instead: ports, health paths (asked of the running service),
 * variable names (each one documented in the README), labels and shutdown timing.
 */
@QuarkusTest
class DeploymentFilesTest {

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Path KUBERNETES = Path.of("docker", "kubernetes");
    private static final Map<String, JsonNode> RESOURCES = new HashMap<>();
    private static String readme;

    @BeforeAll
    static void read() throws IOException {
        try (var files = Files.list(KUBERNETES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                try (MappingIterator<JsonNode> documents =
                        YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
                    while (documents.hasNext()) {
                        JsonNode document = documents.next();
                        RESOURCES.put(document.get("kind").asText(), document);
                    }
                }
            }
        }
        readme = Files.readString(Path.of("README.md"));
    }

    @Test
    void theDeploymentRunsSeveralReplicasOnTheServicePort() {
        JsonNode deployment = RESOURCES.get("Deployment");
        assertTrue(deployment.at("/spec/replicas").asInt() >= 2);
        JsonNode container = deployment.at("/spec/template/spec/containers/0");
        int port = container.at("/ports/0/containerPort").asInt();
        assertEquals(
                port,
                Integer.parseInt(
                        RESOURCES.get("ConfigMap").at("/data/QUARKUS_HTTP_PORT").asText()));
        assertEquals(port, Integer.parseInt(applicationProperty("quarkus.http.port")));
        assertEquals(
                container.at("/ports/0/name").asText(),
                RESOURCES.get("Service").at("/spec/ports/0/targetPort").asText());
        assertTrue(container.at("/resources/limits/memory").isTextual()
                && container.at("/resources/requests/cpu").isTextual());
    }

    /** As configured for production (the running test instance listens on a random port). */
    private static String applicationProperty(String key) {
        java.util.Properties properties = new java.util.Properties();
        try (var in = Files.newInputStream(Path.of("src", "main", "resources", "application.properties"))) {
            properties.load(in);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return properties.getProperty(key);
    }

    @Test
    void theProbesAskPathsTheManagementInterfaceAnswers() {
        JsonNode container = RESOURCES.get("Deployment").at("/spec/template/spec/containers/0");
        int management = managementPort(container);
        assertEquals(
                management,
                Integer.parseInt(RESOURCES
                        .get("ConfigMap")
                        .at("/data/QUARKUS_MANAGEMENT_PORT")
                        .asText()));
        assertEquals(management, Integer.parseInt(applicationProperty("quarkus.management.port")));
        for (String probe : List.of("readinessProbe", "livenessProbe", "startupProbe")) {
            String path = container.at("/" + probe + "/httpGet/path").asText();
            assertTrue(path.startsWith("/q/health/"), probe + " uses " + path);
            assertEquals(
                    "management", container.at("/" + probe + "/httpGet/port").asText(), probe);
            management().get(path).then().statusCode(200);
            given().get(path).then().statusCode(404);
        }
    }

    @Test
    void prometheusScrapesTheManagementInterface() {
        JsonNode deployment = RESOURCES.get("Deployment");
        JsonNode annotations = deployment.at("/spec/template/metadata/annotations");
        assertEquals("true", annotations.get("prometheus.io/scrape").asText());
        assertEquals(
                managementPort(deployment.at("/spec/template/spec/containers/0")),
                annotations.get("prometheus.io/port").asInt());
        String path = annotations.get("prometheus.io/path").asText();
        management().get(path).then().statusCode(200);
        given().get(path).then().statusCode(404);
    }

    @Test
    void podsRunLockedDown() {
        JsonNode pod = RESOURCES.get("Deployment").at("/spec/template/spec");
        assertFalse(pod.get("automountServiceAccountToken").asBoolean(true), "the service account token is mounted");
        assertEquals(
                "RuntimeDefault", pod.at("/securityContext/seccompProfile/type").asText());
        assertTrue(pod.at("/securityContext/runAsNonRoot").asBoolean());
        JsonNode container = pod.at("/containers/0/securityContext");
        assertTrue(container.get("readOnlyRootFilesystem").asBoolean());
        assertFalse(container.get("allowPrivilegeEscalation").asBoolean(true));
        assertEquals("[\"ALL\"]", container.at("/capabilities/drop").toString());
    }

    @Test
    void egressIsDeniedExceptToTheDatabaseKeycloakAndWebhookReceivers() {
        JsonNode policy = RESOURCES.get("NetworkPolicy");
        assertEquals(
                RESOURCES.get("Deployment").at("/spec/template/metadata/labels"),
                policy.at("/spec/podSelector/matchLabels"));
        assertTrue(policy.at("/spec/policyTypes").toString().contains("\"Egress\""), "egress is not restricted");
        Set<Integer> ports = new TreeSet<>();
        for (JsonNode rule : policy.at("/spec/egress")) {
            assertTrue(
                    rule.has("to") && rule.has("ports"), "an egress rule open to every destination or port: " + rule);
            rule.get("ports").forEach(p -> ports.add(p.get("port").asInt()));
            for (JsonNode to : rule.get("to")) {
                if (to.has("ipBlock")) {
                    String except = to.at("/ipBlock/except").toString();
                    for (String internal : List.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "169.254.0.0/16")) {
                        assertTrue(except.contains(internal), "webhook egress reaches " + internal);
                    }
                }
            }
        }
        assertEquals(Set.of(53, 5432, 8443, 8080, 443), ports);
        assertTrue(
                policy.at("/spec/egress")
                        .toString()
                        .contains("\"cnpg.io/cluster\":\""
                                + RESOURCES.get("Cluster").at("/metadata/name").asText() + "\""),
                "the database egress does not select the database cluster");
    }

    @Test
    void noCommittedFileCarriesADefaultPassword() throws IOException {
        assertFalse(RESOURCES.containsKey("Secret"), "a Secret with values is committed");
        try (var files = Files.walk(Path.of("docker"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(file);
                assertFalse(text.contains("change-me"), file + " has a default password");
            }
        }
        JsonNode compose = YAML.readTree(Path.of("docker", "compose.yml").toFile());
        for (String password : List.of(
                "/services/postgres/environment/POSTGRES_PASSWORD",
                "/services/postgres/environment/CASES_SERVICE_DB_PASSWORD",
                "/services/service/environment/QUARKUS_FLYWAY_PASSWORD",
                "/services/keycloak-db/environment/POSTGRES_PASSWORD",
                "/services/keycloak/environment/KC_BOOTSTRAP_ADMIN_PASSWORD",
                "/services/keycloak/environment/CLINIC_INTEGRATION_SECRET",
                "/services/service/environment/QUARKUS_DATASOURCE_PASSWORD")) {
            assertTrue(
                    compose.at(password).asText().matches("\\$\\{[A-Z_]+:\\?.+}"),
                    password + " is not required: " + compose.at(password).asText());
        }
    }

    private static int managementPort(JsonNode container) {
        for (JsonNode port : container.get("ports")) {
            if ("management".equals(port.get("name").asText())) {
                return port.get("containerPort").asInt();
            }
        }
        throw new AssertionError("the container declares no management port");
    }

    @Test
    void everyVariableIsAStandardSettingDocumentedInTheReadme() throws IOException {
        Set<String> variables = new TreeSet<>();
        RESOURCES.get("ConfigMap").get("data").fieldNames().forEachRemaining(variables::add);
        RESOURCES
                .get("Deployment")
                .at("/spec/template/spec/containers/0/env")
                .forEach(variable -> variables.add(variable.get("name").asText()));
        JsonNode compose = YAML.readTree(Path.of("docker", "compose.yml").toFile());
        compose.at("/services/service/environment").fieldNames().forEachRemaining(variables::add);
        List<String> undocumented = new ArrayList<>();
        for (String variable : variables) {
            assertTrue(variable.startsWith("QUARKUS_"), variable);
            if (!readme.contains("`" + variable + "`")) {
                undocumented.add(variable);
            }
        }
        assertTrue(undocumented.isEmpty(), "not in the README's variable table: " + undocumented);
    }

    @Test
    void composeAndDockerfileAgreeOnThePort() throws IOException {
        String dockerfile = Files.readString(Path.of("docker", "Dockerfile"));
        Matcher expose = Pattern.compile("EXPOSE (\\d+)").matcher(dockerfile);
        assertTrue(expose.find());
        assertEquals("8080", expose.group(1));
        assertTrue(
                dockerfile.contains("/q/health/ready") && dockerfile.contains("QUARKUS_MANAGEMENT_PORT:-9000"),
                "the image's health check asks the management interface");
        assertTrue(dockerfile.contains("USER 1001"), "the image runs as a non-root user");
        JsonNode compose = YAML.readTree(Path.of("docker", "compose.yml").toFile());
        assertEquals(
                "8080",
                compose.at("/services/service/environment/QUARKUS_HTTP_PORT").asText());
        assertEquals(
                "9000",
                compose.at("/services/service/environment/QUARKUS_MANAGEMENT_PORT")
                        .asText());
        assertTrue(compose.at("/volumes").has("case-data"), "the database keeps its data in a named volume");
    }

    @Test
    void composeRunsKeycloakForProductionWithTheProductionRealmByDefault() throws IOException {
        JsonNode compose = YAML.readTree(Path.of("docker", "compose.yml").toFile());
        JsonNode keycloak = compose.at("/services/keycloak");
        assertEquals("start", keycloak.at("/command/0").asText(), "Keycloak runs in production mode");
        assertTrue(keycloak.get("command").toString().contains("--import-realm"));
        assertTrue(
                keycloak.at("/volumes/0").asText().startsWith("./keycloak/legal-aid-realm.production.json:"),
                "the default import is the production template");
        assertTrue(
                keycloak.at("/environment/KC_DB_URL").asText().contains("keycloak-db"),
                "Keycloak has its own database");
        assertTrue(compose.at("/services/keycloak-db/volumes/0").asText().startsWith("keycloak-data:"));
        assertTrue(compose.at("/volumes").has("keycloak-data"), "Keycloak keeps its data in a named volume");
        JsonNode demo = compose.at("/services/keycloak-demo-realm");
        assertEquals("[\"demo\"]", demo.get("profiles").toString(), "the demo realm is not behind a profile");
        assertTrue(demo.at("/volumes/0").asText().startsWith("./keycloak/legal-aid-realm.json:"));
        assertFalse(keycloak.at("/depends_on/keycloak-demo-realm/required").asBoolean(true));
    }

    @Test
    void theImageStartsFromTheArchiveItsBuildMakes() throws IOException {
        String dockerfile = Files.readString(Path.of("docker", "Dockerfile"));
        Matcher made = Pattern.compile("RUN sh (\\S+app-cds\\.sh) (\\S+) (\\S+) \\$JAVA_OPTS")
                .matcher(dockerfile);
        assertTrue(made.find(), "the image's build runs docker/app-cds.sh");
        assertTrue(dockerfile.contains("COPY docker/app-cds.sh " + made.group(1)));
        Matcher entrypoint =
                Pattern.compile("ENTRYPOINT .*exec java (.*) -jar (\\S+?)\"").matcher(dockerfile);
        assertTrue(entrypoint.find());
        assertTrue(entrypoint.group(1).contains("-XX:SharedArchiveFile=" + made.group(2)), entrypoint.group(1));
        assertEquals(made.group(3), entrypoint.group(2), "the archive is made for the jar path that is started");
        assertTrue(dockerfile.indexOf("RUN sh") < dockerfile.indexOf("USER 1001"));
    }

    @Test
    void scalingAndDisruptionRulesPointAtTheDeployment() {
        JsonNode deployment = RESOURCES.get("Deployment");
        String name = deployment.at("/metadata/name").asText();
        JsonNode labels = deployment.at("/spec/template/metadata/labels");
        assertEquals(
                name,
                RESOURCES
                        .get("HorizontalPodAutoscaler")
                        .at("/spec/scaleTargetRef/name")
                        .asText());
        assertTrue(
                RESOURCES.get("HorizontalPodAutoscaler").at("/spec/minReplicas").asInt() >= 2);
        assertEquals(labels, RESOURCES.get("PodDisruptionBudget").at("/spec/selector/matchLabels"));
        assertEquals(labels, RESOURCES.get("Service").at("/spec/selector"));
    }

    @Test
    void kubernetesWaitsLongerThanTheGracefulShutdown() {
        JsonNode pod = RESOURCES.get("Deployment").at("/spec/template/spec");
        long grace = pod.at("/terminationGracePeriodSeconds").asLong();
        long preStop = Long.parseLong(
                pod.at("/containers/0/lifecycle/preStop/exec/command/1").asText());
        Duration shutdown = ConfigProvider.getConfig().getValue("quarkus.shutdown.timeout", Duration.class);
        assertTrue(
                grace > preStop + shutdown.toSeconds(),
                "grace " + grace + " s must exceed preStop " + preStop + " s + shutdown " + shutdown.toSeconds()
                        + " s");
    }
}
