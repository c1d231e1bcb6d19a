package org.asylumcasetracker.platform.db;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Properties;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.callback.Statement;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.output.OperationResult;
import org.junit.jupiter.api.Test;

/**
 * A migration may take longer than the read timeout that requests live with: against the real PostgreSQL,
 * with a connection whose timeout is one second.
 */
@QuarkusTest
class MigrationTimeoutsTest {

    @Inject
    Flyway flyway;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    String username;

    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    @Test
    void flywayOfTheServiceHasTheCallback() {
        assertTrue(Arrays.stream(flyway.getConfiguration().getCallbacks())
                .anyMatch(c -> c instanceof MigrationTimeouts.NoReadTimeoutWhileMigrating));
    }

    @Test
    void aSlowStatementOutlivesTheReadTimeoutOnlyWhileMigrating() throws SQLException {
        try (Connection plain = connectWithOneSecondTimeout()) {
            assertThrows(SQLException.class, () -> sleep(plain), "without the callback the timeout applies");
        }
        var callback = new MigrationTimeouts.NoReadTimeoutWhileMigrating();
        try (Connection migrating = connectWithOneSecondTimeout()) {
            callback.handle(Event.BEFORE_EACH_MIGRATE, context(migrating));
            assertDoesNotThrow(() -> sleep(migrating));

            callback.handle(Event.AFTER_EACH_MIGRATE, context(migrating));
            assertEquals(1000, migrating.getNetworkTimeout());
            assertThrows(SQLException.class, () -> sleep(migrating), "the timeout is back after the migration");
        }
    }

    @Test
    void aFailedMigrationPutsTheTimeoutBackToo() throws SQLException {
        var callback = new MigrationTimeouts.NoReadTimeoutWhileMigrating();
        try (Connection migrating = connectWithOneSecondTimeout()) {
            callback.handle(Event.BEFORE_MIGRATE, context(migrating));
            callback.handle(Event.BEFORE_EACH_MIGRATE, context(migrating));
            assertEquals(0, migrating.getNetworkTimeout());
            callback.handle(Event.AFTER_MIGRATE_ERROR, context(migrating));
            assertEquals(1000, migrating.getNetworkTimeout());
        }
    }

    private Connection connectWithOneSecondTimeout() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", username);
        properties.setProperty("password", password);
        properties.setProperty("socketTimeout", "1");
        return DriverManager.getConnection(url, properties);
    }

    private static void sleep(Connection connection) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute("select pg_sleep(1.5)");
        }
    }

    private static Context context(Connection connection) {
        return new Context() {
            @Override
            public Configuration getConfiguration() {
                return null;
            }

            @Override
            public Connection getConnection() {
                return connection;
            }

            @Override
            public MigrationInfo getMigrationInfo() {
                return null;
            }

            @Override
            public Statement getStatement() {
                return null;
            }

            @Override
            public OperationResult getOperationResult() {
                return null;
            }
        };
    }
}
