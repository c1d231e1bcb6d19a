package org.asylumcasetracker.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The packaged service ({@code target/quarkus-app/quarkus-run.jar}) started as production starts it:
 * {@code java -jar} with the standard QUARKUS_* environment variables and nothing else.
 */
public final class PackagedApp implements AutoCloseable {

    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");

    private final Process process;
    private final Path log;
    private final int port;
    private final int managementPort;
    private final Duration startup;

    private PackagedApp(Process process, Path log, int port, int managementPort, Duration startup) {
        this.process = process;
        this.log = log;
        this.port = port;
        this.managementPort = managementPort;
        this.startup = startup;
    }

    /**
     * Starts the jar with these environment variables (plus a free QUARKUS_HTTP_PORT and QUARKUS_MANAGEMENT_PORT)
     * and waits until the management interface reports it ready.
     */
    public static PackagedApp start(String name, Map<String, String> environment) {
        return start(name, environment, List.of());
    }

    /** As {@link #start(String, Map)}, with these options for the JVM. */
    public static PackagedApp start(String name, Map<String, String> environment, List<String> jvmOptions) {
        int port = freePort();
        int managementPort = freePort();
        Map<String, String> env = new java.util.HashMap<>(environment);
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(managementPort));
        Process process = launch(name, env, jvmOptions);
        Path log = logFile(name);
        Instant begin = Instant.now();
        HttpClient http = HttpClient.newHttpClient();
        while (Duration.between(begin, Instant.now()).toSeconds() < 90) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "The packaged service exited with " + process.exitValue() + ":\n" + tail(log));
            }
            try {
                HttpResponse<String> ready = http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/q/health/ready"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return new PackagedApp(process, log, port, managementPort, Duration.between(begin, Instant.now()));
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            sleep(200);
        }
        process.destroyForcibly();
        throw new IllegalStateException("The packaged service did not become ready:\n" + tail(log));
    }

    /** Runs the jar and waits for it to exit by itself; returns the exit code, its output in {@link #output}. */
    public static int runToExit(String name, Map<String, String> environment, Duration timeout) {
        Map<String, String> env = new java.util.HashMap<>(environment);
        env.put("QUARKUS_HTTP_PORT", Integer.toString(freePort()));
        env.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(freePort()));
        Process process = launch(name, env, List.of());
        try {
            if (!process.waitFor(timeout.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Integer.MIN_VALUE;
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Integer.MIN_VALUE;
        }
    }

    public static String output(String name) {
        try {
            return Files.readString(logFile(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** The management interface: health ({@code /q/health/*}) and metrics ({@code /q/metrics}). */
    public String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    public Duration startupTime() {
        return startup;
    }

    public String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends SIGTERM, as Kubernetes does, and waits for the process to end. */
    public void terminate() {
        process.destroy();
        try {
            process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Kills the process at once (SIGKILL), as a crashed node would die. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    static final String IT_WEBHOOK_SECRETS_KEY = "it-not-secret:aXQta2V5LW5vdC1hLXNlY3JldC0wMTIzNDU2Nzg5YWI=";

    private static Process launch(String name, Map<String, String> env, List<String> jvmOptions) {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException(JAR + " is missing: the integration tests run after 'package'");
        }
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx256m"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", JAR.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(logFile(name).toFile());
        // Only what production would be given: no inherited QUARKUS_* settings from the build.
        builder.environment().keySet().removeIf(k -> k.startsWith("QUARKUS_"));
        builder.environment().putAll(env);
        // A production deployment is given a key for webhook secrets; this one is public and for tests only.
        builder.environment().putIfAbsent("ASYLUM_WEBHOOKS_SECRETS_KEY", IT_WEBHOOK_SECRETS_KEY);
        // Webhook targets on internal addresses are refused unless allowed: the tests' receivers are on loopback.
        builder.environment().putIfAbsent("ASYLUM_WEBHOOKS_ALLOWED_TARGETS", "127.0.0.1/32");
        // The role matrix subscribes once per call it makes; the per-organization cap has tests of its own.
        builder.environment().putIfAbsent("ASYLUM_WEBHOOKS_MAX_SUBSCRIPTIONS_PER_ORGANIZATION", "1000");
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The java of the build, which the packaged service is started with. */
    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The packaged service's launcher, as the integration tests start it. */
    public static Path jar() {
        return JAR;
    }

    private static Path logFile(String name) {
        return Path.of("target", "packaged-" + name + ".log");
    }

    private static String tail(Path log) {
        try {
            String text = Files.readString(log, StandardCharsets.UTF_8);
            return text.length() > 4000 ? text.substring(text.length() - 4000) : text;
        } catch (IOException e) {
            return "(no log)";
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
