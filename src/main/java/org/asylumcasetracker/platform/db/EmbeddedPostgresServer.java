package org.asylumcasetracker.platform.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * One embedded PostgreSQL per JVM. Config is read several times per start and per live reload, from
 * different class loaders, so the running server's URL is remembered in the JVM-wide system properties
 * rather than in a static field; the shutdown hook keeps the server itself reachable until exit.
 */
public final class EmbeddedPostgresServer {

    private static final Logger LOG = Logger.getLogger(EmbeddedPostgresServer.class);
    private static final String URL_KEY = "asylum.embedded-postgres.jdbc-url";
    private static final String USER = "postgres";

    private EmbeddedPostgresServer() {}

    /**
     * Starts the server unless this JVM already has one.
     *
     * @param dataDir where to keep data across restarts, or {@code null} for a throw-away database
     * @return the datasource properties to use
     */
    public static synchronized Map<String, String> ensureStarted(Path dataDir) {
        synchronized (System.getProperties()) {
            String url = System.getProperty(URL_KEY);
            if (url == null) {
                url = start(dataDir);
                System.setProperty(URL_KEY, url);
            }
            Map<String, String> properties = new HashMap<>();
            properties.put("quarkus.datasource.jdbc.url", url);
            properties.put("quarkus.datasource.username", USER);
            properties.put("quarkus.datasource.password", USER);
            return properties;
        }
    }

    /** Starts a separate server, e.g. for a packaged application under test; the caller closes it. */
    public static EmbeddedPostgres startThrowAway() {
        try {
            return builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
        }
    }

    public static String jdbcUrl(EmbeddedPostgres postgres) {
        return postgres.getJdbcUrl(USER, USER);
    }

    private static String start(Path dataDir) {
        try {
            EmbeddedPostgres.Builder builder = builder();
            if (dataDir != null) {
                Files.createDirectories(dataDir);
                stopOrphanedServer(dataDir);
                builder.setDataDirectory(dataDir).setCleanDataDirectory(false);
            }
            EmbeddedPostgres postgres = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> close(postgres), "embedded-postgres-stop"));
            LOG.infof(
                    "Embedded PostgreSQL started on port %d%s",
                    postgres.getPort(), dataDir == null ? " (fresh database)" : " with data in " + dataDir);
            return jdbcUrl(postgres);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
        }
    }

    private static EmbeddedPostgres.Builder builder() {
        return EmbeddedPostgres.builder()
                .setPGStartupWait(Duration.ofSeconds(30))
                .setServerConfig("max_connections", "200")
                .setServerConfig("timezone", "UTC");
    }

    /** A dev JVM killed with -9 leaves its postmaster running and holding the data directory. */
    private static void stopOrphanedServer(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        String firstLine = Files.readAllLines(pidFile, StandardCharsets.UTF_8).stream()
                .findFirst()
                .orElse("")
                .trim();
        Optional<ProcessHandle> orphan = Optional.empty();
        try {
            orphan = ProcessHandle.of(Long.parseLong(firstLine));
        } catch (NumberFormatException e) {
            LOG.warn("Unreadable postmaster.pid in the dev data directory; removing it");
        }
        if (orphan.isPresent() && orphan.get().isAlive()) {
            LOG.infof("Stopping the PostgreSQL server (pid %s) left over from an earlier run", firstLine);
            orphan.get().destroy();
            try {
                orphan.get().onExit().get(15, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                orphan.get().destroyForcibly();
            }
        }
        Files.deleteIfExists(pidFile);
    }

    private static void close(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException e) {
            LOG.warn("The embedded PostgreSQL did not stop cleanly");
        }
    }
}
