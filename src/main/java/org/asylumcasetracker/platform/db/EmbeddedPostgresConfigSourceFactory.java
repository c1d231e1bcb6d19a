package org.asylumcasetracker.platform.db;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.asylumcasetracker.platform.dev.DevTokenKeys;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Gives dev mode and the test suite a real PostgreSQL without installing one: when no
 * {@code quarkus.datasource.jdbc.url} is configured, it starts the embedded PostgreSQL 17 binaries and
 * supplies the connection. Dev mode keeps its data in {@code asylum.dev.data-dir} across restarts; tests
 * get a fresh database per run. Production never gets here: there a missing URL stops the start.
 */
public class EmbeddedPostgresConfigSourceFactory implements ConfigSourceFactory {

    private static final int ORDINAL = 200; // below application.properties, so explicit settings win
    private static final String RUNNER_CLASS_LOADER = "io.quarkus.bootstrap.runner.RunnerClassLoader";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        List<String> profiles = context.getProfiles();
        boolean dev = profiles.contains("dev");
        boolean test = profiles.contains("test");
        if ((dev || test) && packagedRuntime()) {
            refuseDevelopmentProfile(dev ? "dev" : "test");
        }
        if (!dev && !test) {
            refuseToStartWithoutDatabase(context);
            return List.of();
        }
        Map<String, String> properties = new HashMap<>();
        Path dataDir =
                Path.of(valueOr(context, "asylum.dev.data-dir", ".dev-data")).toAbsolutePath();
        if (!isSet(context, "quarkus.datasource.jdbc.url")) {
            // Only touch the zonky classes here: they are not part of the packaged application.
            properties.putAll(EmbeddedPostgresServer.ensureStarted(dev ? dataDir.resolve("postgres") : null));
        }
        if (dev && !isSet(context, "quarkus.oidc.public-key")) {
            properties.put("quarkus.oidc.public-key", DevTokenKeys.load(dataDir).publicKeyBase64());
        }
        return List.of(new PropertiesConfigSource(properties, "embedded-postgres", ORDINAL));
    }

    /**
     * The packaged service must never fall back to a database of its own: without a URL it stops at
     * once, saying what to set, instead of failing later deep inside the persistence layer.
     */
    private static void refuseToStartWithoutDatabase(ConfigSourceContext context) {
        if (packagedRuntime() && !isSet(context, "quarkus.datasource.jdbc.url")) {
            String message = "No database configured. Set QUARKUS_DATASOURCE_JDBC_URL (for example "
                    + "jdbc:postgresql://db:5432/cases), QUARKUS_DATASOURCE_USERNAME and QUARKUS_DATASOURCE_PASSWORD. "
                    + "The packaged service does not start an embedded database.";
            System.err.println(message);
            throw new IllegalStateException(message);
        }
    }

    /**
     * The dev and test profiles trust dev mode's own token key, start embedded databases and relax other
     * settings: a packaged service given one of them (QUARKUS_PROFILE) stops at once instead.
     */
    private static void refuseDevelopmentProfile(String profile) {
        String message = "The packaged service does not run with the '" + profile + "' profile: it would trust "
                + "development tokens and settings. Unset QUARKUS_PROFILE (or set it to prod); use ./mvnw quarkus:dev "
                + "for development.";
        System.err.println(message);
        throw new IllegalStateException(message);
    }

    /** Config is also read while the application is built and in dev mode and tests; true only in the jar. */
    private static boolean packagedRuntime() {
        return RUNNER_CLASS_LOADER.equals(EmbeddedPostgresConfigSourceFactory.class
                .getClassLoader()
                .getClass()
                .getName());
    }

    private static boolean isSet(ConfigSourceContext context, String name) {
        ConfigValue value = context.getValue(name);
        return value != null && value.getValue() != null && !value.getValue().isBlank();
    }

    private static String valueOr(ConfigSourceContext context, String name, String fallback) {
        ConfigValue value = context.getValue(name);
        return value != null && value.getValue() != null ? value.getValue() : fallback;
    }
}
