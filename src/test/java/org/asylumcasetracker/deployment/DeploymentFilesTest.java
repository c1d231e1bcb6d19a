package org.asylumcasetracker.deployment;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
                try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
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
        assertEquals(port, Integer.parseInt(RESOURCES.get("ConfigMap").at("/data/QUARKUS_HTTP_PORT").asText()));
        assertEquals(port, Integer.parseInt(applicationProperty("quarkus.http.port")));
        assertEquals(container.at("/ports/0/name").asText(), RESOURCES.get("Service").at("/spec/ports/0/targetPort").asText());
        assertTrue(container.at("/resources/limits/memory").isTextual() && container.at("/resources/requests/cpu").isTextual());
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
    void theProbesAskPathsTheServiceAnswers() {
        JsonNode container = RESOURCES.get("Deployment").at("/spec/template/spec/containers/0");
        for (String probe : List.of("readinessProbe", "livenessProbe", "startupProbe")) {
            String path = container.at("/" + probe + "/httpGet/path").asText();
            assertTrue(path.startsWith("/q/health/"), probe + " uses " + path);
            given().get(path).then().statusCode(200);
        }
    }

    @Test
    void everyVariableIsAStandardSettingDocumentedInTheReadme() throws IOException {
        Set<String> variables = new TreeSet<>();
        RESOURCES.get("ConfigMap").get("data").fieldNames().forEachRemaining(variables::add);
        RESOURCES.get("Secret").get("stringData").fieldNames().forEachRemaining(variables::add);
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
        assertTrue(dockerfile.contains("/q/health/ready"));
        assertTrue(dockerfile.contains("USER 1001"), "the image runs as a non-root user");
        JsonNode compose = YAML.readTree(Path.of("docker", "compose.yml").toFile());
        assertEquals("8080", compose.at("/services/service/environment/QUARKUS_HTTP_PORT").asText());
        assertTrue(compose.at("/services/keycloak/volumes/0").asText().contains("legal-aid-realm.json"));
        assertTrue(compose.at("/volumes").has("case-data"), "the database keeps its data in a named volume");
    }

    @Test
    void theImageStartsFromTheArchiveItsBuildMakes() throws IOException {
        String dockerfile = Files.readString(Path.of("docker", "Dockerfile"));
        Matcher made = Pattern.compile("RUN sh (\\S+app-cds\\.sh) (\\S+) (\\S+) \\$JAVA_OPTS").matcher(dockerfile);
        assertTrue(made.find(), "the image's build runs docker/app-cds.sh");
        assertTrue(dockerfile.contains("COPY docker/app-cds.sh " + made.group(1)));
        Matcher entrypoint = Pattern.compile("ENTRYPOINT .*exec java (.*) -jar (\\S+?)\"").matcher(dockerfile);
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
        assertEquals(name, RESOURCES.get("HorizontalPodAutoscaler").at("/spec/scaleTargetRef/name").asText());
        assertTrue(RESOURCES.get("HorizontalPodAutoscaler").at("/spec/minReplicas").asInt() >= 2);
        assertEquals(labels, RESOURCES.get("PodDisruptionBudget").at("/spec/selector/matchLabels"));
        assertEquals(labels, RESOURCES.get("Service").at("/spec/selector"));
    }

    @Test
    void kubernetesWaitsLongerThanTheGracefulShutdown() {
        JsonNode pod = RESOURCES.get("Deployment").at("/spec/template/spec");
        long grace = pod.at("/terminationGracePeriodSeconds").asLong();
        long preStop = Long.parseLong(pod.at("/containers/0/lifecycle/preStop/exec/command/1").asText());
        Duration shutdown = ConfigProvider.getConfig().getValue("quarkus.shutdown.timeout", Duration.class);
        assertTrue(grace > preStop + shutdown.toSeconds(),
                "grace " + grace + " s must exceed preStop " + preStop + " s + shutdown " + shutdown.toSeconds() + " s");
    }
}
