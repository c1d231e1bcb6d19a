package org.asylumcasetracker.platform.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * One embedded PostgreSQL per JVM. Config is read several times per start and per live reload, from
 * different class loaders, so the running server's URL is remembered in the JVM-wide system properties
 * rather than in a static field; the shutdown hook keeps the server itself reachable until exit.
 *
 * <p>The throw-away database of the tests is set up as the README's single-role deployment: one role
 * ({@value #APPLICATION_ROLE}), neither superuser nor BYPASSRLS, owns the database, migrates it and runs
 * the service. A superuser would pass row-level security unseen; this role is held to it, so the tests
 * exercise it for real.
 */
public final class EmbeddedPostgresServer {

    private static final Logger LOG = Logger.getLogger(EmbeddedPostgresServer.class);
    private static final String URL_KEY = "asylum.embedded-postgres.jdbc-url";
    private static final String USER = "postgres";
    public static final String APPLICATION_ROLE = "asylum";

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
            // Dev mode keeps the database it has always had (owned by the superuser); tests use the single role.
            String user = dataDir == null ? APPLICATION_ROLE : USER;
            Map<String, String> properties = new HashMap<>();
            properties.put("quarkus.datasource.jdbc.url", url);
            properties.put("quarkus.datasource.username", user);
            properties.put("quarkus.datasource.password", user);
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

    /**
     * Creates the role {@value #APPLICATION_ROLE} (password the same; not a superuser, no BYPASSRLS) and a
     * database of the same name that it owns; returns that database's URL, without credentials.
     */
    public static String createApplicationDatabase(EmbeddedPostgres postgres) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("create role " + APPLICATION_ROLE + " login password '" + APPLICATION_ROLE
                    + "' nosuperuser nocreatedb nocreaterole nobypassrls");
            statement.execute("create database " + APPLICATION_ROLE + " owner " + APPLICATION_ROLE);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the application role and database", e);
        }
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + APPLICATION_ROLE;
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
            return dataDir == null ? createApplicationDatabase(postgres) : jdbcUrl(postgres);
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
