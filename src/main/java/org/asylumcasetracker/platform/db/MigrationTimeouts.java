package org.asylumcasetracker.platform.db;

import io.quarkus.flyway.FlywayConfigurationCustomizer;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.callback.BaseCallback;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * Lets migrations run as long as they need. Requests give up on a database that does not answer within a
 * few seconds ({@code socketTimeout} of the connection pool, application.properties), and Flyway borrows its
 * connections from that pool; a migration that rewrites a large table would be cut off at the same limit
 * and stop the start. While Flyway migrates, its connection waits without limit; afterwards the pool's limit
 * is put back.
 */
@Singleton
public class MigrationTimeouts implements FlywayConfigurationCustomizer {

    @Override
    public void customize(FluentConfiguration configuration) {
        // Added to the callbacks other customizers set, not in their place.
        configuration.callbacks(
                Stream.concat(Stream.of(configuration.getCallbacks()), Stream.of(new NoReadTimeoutWhileMigrating()))
                        .toArray(Callback[]::new));
    }

    /** Lifts the connection's read timeout before migrating and restores it after, also after a failure. */
    static final class NoReadTimeoutWhileMigrating extends BaseCallback {

        private static final Set<Event> BEFORE = Set.of(Event.BEFORE_MIGRATE, Event.BEFORE_EACH_MIGRATE);
        private static final Set<Event> AFTER = Set.of(
                Event.AFTER_EACH_MIGRATE,
                Event.AFTER_EACH_MIGRATE_ERROR,
                Event.AFTER_MIGRATE,
                Event.AFTER_MIGRATE_ERROR);

        private final Map<Connection, Integer> lifted = new IdentityHashMap<>();

        @Override
        public boolean supports(Event event, Context context) {
            return BEFORE.contains(event) || AFTER.contains(event);
        }

        @Override
        public boolean canHandleInTransaction(Event event, Context context) {
            return true;
        }

        @Override
        public synchronized void handle(Event event, Context context) {
            Connection connection = context.getConnection();
            try {
                if (BEFORE.contains(event) && !lifted.containsKey(connection)) {
                    lifted.put(connection, connection.getNetworkTimeout());
                    connection.setNetworkTimeout(Runnable::run, 0);
                } else if (AFTER.contains(event) && lifted.containsKey(connection)) {
                    connection.setNetworkTimeout(Runnable::run, lifted.remove(connection));
                }
            } catch (SQLException e) {
                throw new FlywayException("Could not change the read timeout of the migration connection", e);
            }
        }

        @Override
        public String getCallbackName() {
            return "no-read-timeout-while-migrating";
        }
    }
}
