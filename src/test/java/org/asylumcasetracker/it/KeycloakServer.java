package org.asylumcasetracker.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * A real Keycloak (realm {@code legal-aid}) for the integration tests, so that they verify tokens exactly as
 * production receives them: real signatures, issuer, mappers and the realm file the deployment imports.
 * Keycloak takes tens of seconds to start, so one server is started lazily per JVM, shared by every test
 * and stopped by a shutdown hook when the JVM exits.
 *
 * <p>Reads the system properties {@code keycloak.home} (an unpacked {@code keycloak-quarkus-dist}) and
 * {@code keycloak.realm.file}; Keycloak's output goes to {@code target/keycloak.log} (system property
 * {@code keycloak.log} overrides the path). When {@code keycloak.production-realm.file} names the production
 * realm template, the same server also imports it as realm {@value #PRODUCTION_REALM}, with the environment
 * variables the template reads set as a deployment would set them, and a temporary administrator whose
 * token reads the imported realm through Keycloak's admin API.
 */
public final class KeycloakServer {

    public static final String REALM = "legal-aid";
    public static final String FRONTEND_CLIENT = "cases-frontend";
    /** The production template imported under another name, so that it can live next to the demo realm. */
    public static final String PRODUCTION_REALM = "legal-aid-production";

    public static final String PRODUCTION_FRONTEND_URL = "https://cases.clinic.example";
    public static final String PRODUCTION_ORGANIZATION = "demo";

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(420);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);
    private static final int LOG_TAIL_LINES = 80;

    // Quarkus can load this class more than once (one class loader per test application); the system
    // properties are JVM-wide, so they serve as the lock and tell every copy about the running server.
    private static final String RUNNING_REALM_URL = "keycloak.shared.realm-url";
    private static final String RUNNING_STARTUP_TIME = "keycloak.shared.startup-time";
    private static final String RUNNING_SECRET = "keycloak.shared.integration-secret";
    private static final String RUNNING_ADMIN_PASSWORD = "keycloak.shared.admin-password";
    private static final String ADMIN_USER = "it-admin";

    private static KeycloakServer shared;
    // A failed start is remembered: retrying it for every test class would cost minutes and bury the cause.
    private static RuntimeException startFailure;

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final Process process;
    private final Path log;
    private final String realmUrl;
    private Duration startupTime;
    private String productionIntegrationSecret;
    private String adminPassword;

    private KeycloakServer(Process process, Path log, String realmUrl) {
        this.process = process;
        this.log = log;
        this.realmUrl = realmUrl;
    }

    /** The Keycloak of this JVM, started on the first call; later calls return the same running server. */
    public static KeycloakServer shared() {
        synchronized (System.getProperties()) {
            if (startFailure != null) {
                throw startFailure;
            }
            if (shared == null) {
                String runningUrl = System.getProperty(RUNNING_REALM_URL);
                if (runningUrl != null) {
                    shared = new KeycloakServer(null, null, runningUrl);
                    shared.startupTime = Duration.parse(System.getProperty(RUNNING_STARTUP_TIME));
                    shared.productionIntegrationSecret = System.getProperty(RUNNING_SECRET);
                    shared.adminPassword = System.getProperty(RUNNING_ADMIN_PASSWORD);
                } else {
                    try {
                        shared = start();
                    } catch (RuntimeException e) {
                        startFailure = e;
                        throw e;
                    }
                    System.setProperty(RUNNING_REALM_URL, shared.realmUrl);
                    System.setProperty(RUNNING_STARTUP_TIME, shared.startupTime.toString());
                    System.setProperty(RUNNING_SECRET, shared.productionIntegrationSecret);
                    System.setProperty(RUNNING_ADMIN_PASSWORD, shared.adminPassword);
                }
            }
            return shared;
        }
    }

    /** The realm's base URL, the issuer of its tokens, e.g. {@code http://127.0.0.1:41234/realms/legal-aid}. */
    public String realmUrl() {
        return realmUrl;
    }

    /** The URL of another realm of this server, e.g. {@link #PRODUCTION_REALM}. */
    public String realmUrl(String realm) {
        return realmUrl.substring(0, realmUrl.length() - REALM.length()) + realm;
    }

    /** The integration client's secret that the production template received from the environment at import. */
    public String productionIntegrationSecret() {
        return productionIntegrationSecret;
    }

    /** An access token of the server's temporary administrator (master realm), for Keycloak's admin API. */
    public String adminToken() {
        return token(
                realmUrl("master"),
                Map.of(
                        "grant_type",
                        "password",
                        "client_id",
                        "admin-cli",
                        "username",
                        ADMIN_USER,
                        "password",
                        adminPassword));
    }

    /** Sends a request to this server (for tests that read Keycloak's own answers). */
    public HttpResponse<String> call(HttpRequest request) {
        return send(request);
    }

    /** How long the server took from launch until the realm answered. */
    public Duration startupTime() {
        return startupTime;
    }

    /** An access token for a user of the realm, by the password grant of the public frontend client. */
    public String passwordGrant(String username, String password) {
        return passwordGrant(FRONTEND_CLIENT, username, password);
    }

    /** An access token for a user of the realm, by the password grant of the given public client. */
    public String passwordGrant(String clientId, String username, String password) {
        return token(
                realmUrl,
                Map.of(
                        "grant_type", "password",
                        "client_id", clientId,
                        "username", username,
                        "password", password));
    }

    /** An access token of a confidential client's service account. */
    public String clientCredentials(String clientId, String secret) {
        return token(
                realmUrl,
                Map.of(
                        "grant_type", "client_credentials",
                        "client_id", clientId,
                        "client_secret", secret));
    }

    /** A token from a realm of this server by any grant; Keycloak's refusal is an exception. */
    public String token(String realm, Map<String, String> form) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(realm + "/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(formEncode(form)))
                .build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Keycloak refused the token request (grant " + form.get("grant_type")
                    + ", client " + form.get("client_id") + "): HTTP " + response.statusCode() + " "
                    + response.body());
        }
        try {
            JsonNode accessToken = json.readTree(response.body()).get("access_token");
            if (accessToken == null || !accessToken.isTextual()) {
                throw new IllegalStateException("No access_token in Keycloak's answer: " + response.body());
            }
            return accessToken.asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static KeycloakServer start() {
        Path home = Path.of(requiredProperty("keycloak.home")).toAbsolutePath();
        Path realmFile = Path.of(requiredProperty("keycloak.realm.file")).toAbsolutePath();
        Path script = home.resolve("bin/kc.sh");
        if (!Files.isRegularFile(script)) {
            throw new IllegalStateException("No Keycloak distribution at " + home + " (missing bin/kc.sh); "
                    + "run the build through pre-integration-test so that it is unpacked");
        }
        if (!Files.isRegularFile(realmFile)) {
            throw new IllegalStateException("Realm file not found: " + realmFile);
        }
        Path log = Path.of(System.getProperty("keycloak.log", "target/keycloak.log"))
                .toAbsolutePath();
        int port = freeLoopbackPort();
        try {
            Path importDir = Files.createDirectories(home.resolve("data/import"));
            // Keycloak imports every JSON file it finds there: drop leftovers of earlier runs.
            try (DirectoryStream<Path> stale = Files.newDirectoryStream(importDir, "*.json")) {
                for (Path file : stale) {
                    Files.delete(file);
                }
            }
            Files.copy(realmFile, importDir.resolve(realmFile.getFileName()));
            // The production template, renamed so that it does not collide with the demo realm.
            String production = System.getProperty("keycloak.production-realm.file");
            if (production != null && !production.isBlank()) {
                String template = Files.readString(Path.of(production), StandardCharsets.UTF_8);
                String renamed = template.replaceFirst(
                        "\"realm\"\\s*:\\s*\"" + REALM + "\"", "\"realm\": \"" + PRODUCTION_REALM + "\"");
                if (renamed.equals(template)) {
                    throw new IllegalStateException("The production template does not define realm " + REALM);
                }
                Files.writeString(importDir.resolve(PRODUCTION_REALM + ".json"), renamed, StandardCharsets.UTF_8);
            }
            // A second, unrelated realm for the tests that present a token from the wrong realm.
            String extra = System.getProperty("keycloak.extra-realm.file");
            if (extra != null && !extra.isBlank()) {
                Path extraRealm = Path.of(extra).toAbsolutePath();
                Files.copy(extraRealm, importDir.resolve(extraRealm.getFileName()));
            }
            Files.createDirectories(log.getParent());
            // Unpacked zips can lose the executable bit; running through sh does not depend on it.
            ProcessBuilder builder = new ProcessBuilder(
                            "sh",
                            script.toString(),
                            "start-dev",
                            "--http-host=127.0.0.1",
                            "--http-port=" + port,
                            "--import-realm",
                            "--db=dev-mem")
                    .directory(home.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
            Map<String, String> env = builder.environment();
            // Settings meant for this application (QUARKUS_*) or another Keycloak (KC_*) must not leak in.
            env.keySet().removeIf(name -> name.startsWith("KC_") || name.startsWith("QUARKUS_"));
            env.put("JAVA_HOME", System.getProperty("java.home"));
            // What a deployment supplies to the production template at import (README, "One clinic").
            String integrationSecret = UUID.randomUUID().toString();
            env.put("CLINIC_INTEGRATION_SECRET", integrationSecret);
            env.put("CLINIC_INTEGRATION_ORGANIZATION", PRODUCTION_ORGANIZATION);
            env.put("CASES_FRONTEND_URL", PRODUCTION_FRONTEND_URL);
            String adminPassword = UUID.randomUUID().toString();
            env.put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER);
            env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);

            long launched = System.nanoTime();
            String realmUrl = "http://127.0.0.1:" + port + "/realms/" + REALM;
            KeycloakServer server = new KeycloakServer(builder.start(), log, realmUrl);
            server.productionIntegrationSecret = integrationSecret;
            server.adminPassword = adminPassword;
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "keycloak-stop"));
            server.awaitRealm();
            server.startupTime = Duration.ofNanos(System.nanoTime() - launched);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start Keycloak from " + home, e);
        }
    }

    private void awaitRealm() {
        HttpRequest discovery = HttpRequest.newBuilder(URI.create(realmUrl + "/.well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(5))
                .GET()
                .build();
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with status " + process.exitValue()
                        + " before the realm was ready; end of " + log + ":\n" + logTail());
            }
            try {
                if (http.send(discovery, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // Keep polling until the deadline.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop();
                throw new IllegalStateException("Interrupted while waiting for Keycloak", e);
            }
            sleep(Duration.ofMillis(500));
        }
        stop();
        throw new IllegalStateException("Keycloak did not serve realm " + REALM + " within " + STARTUP_TIMEOUT
                + "; end of " + log + ":\n" + logTail());
    }

    /**
     * Stops kc.sh and the JVM it launched. The descendants are collected first: once the script is gone,
     * the Keycloak JVM is re-parented and could no longer be found from it.
     */
    private void stop() {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        for (ProcessHandle handle : tree) {
            try {
                handle.onExit().get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException | ExecutionException e) {
                handle.destroyForcibly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                handle.destroyForcibly();
            }
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("Keycloak request failed: " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while calling Keycloak", e);
        }
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    private static String formEncode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free loopback port", e);
        }
    }

    private static String requiredProperty(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(
                    "System property " + name + " is not set (the failsafe configuration " + "in pom.xml provides it)");
        }
        return value;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Keycloak", e);
        }
    }
}
