package org.asylumcasetracker.platform.db;

import io.quarkus.flyway.FlywayConfigurationCustomizer;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.callback.BaseCallback;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * Applied migrations are never changed, with one exception: a comment that was reworded, not a statement. Flyway's
 * checksum covers every line of a migration, comments included, so a database that applied the earlier wording would
 * refuse to start. Before Flyway validates, this callback moves such a migration's recorded checksum from the earlier
 * wording's to the current one's, and only from exactly that value: a migration whose statements were changed, or
 * that was applied from some other text, still fails validation as it should.
 *
 * <p>To reword the comment of an applied migration, add a {@link Rewording} with the version, the checksum Flyway
 * recorded for the earlier text (as {@code flyway_schema_history.checksum} shows it) and the checksum of the new text
 * ({@code RewordedMigrationsTest} checks the latter against the file).
 */
@Singleton
public class RewordedMigrations implements FlywayConfigurationCustomizer {

    /** A migration whose comments were reworded: the checksums of the earlier text and of the current one. */
    record Rewording(String version, int earlier, int current) {}

    static final List<Rewording> REWORDINGS = List.of(
            // The first line of each said where the rules came from instead of stating them.
            new Rewording("1", 2_097_172_508, -1_451_491_320), new Rewording("2", -416_611_558, -992_325_436));

    @Override
    public void customize(FluentConfiguration configuration) {
        configuration.callbacks(Stream.concat(Stream.of(configuration.getCallbacks()), Stream.of(new Checksums()))
                .toArray(Callback[]::new));
    }

    static final class Checksums extends BaseCallback {

        // Validation comes first when migrating (validate-on-migrate); before migrating covers a start without it.
        private static final Set<Event> BEFORE = Set.of(Event.BEFORE_VALIDATE, Event.BEFORE_MIGRATE);

        @Override
        public boolean supports(Event event, Context context) {
            return BEFORE.contains(event);
        }

        @Override
        public boolean canHandleInTransaction(Event event, Context context) {
            return true;
        }

        @Override
        public void handle(Event event, Context context) {
            Connection connection = context.getConnection();
            String table = historyTable(context);
            try {
                if (!exists(connection, table)) {
                    return; // a new database: it applies the current text
                }
                try (PreparedStatement update = connection.prepareStatement(
                        "update " + table + " set checksum = ? where version = ? and checksum = ?")) {
                    for (Rewording rewording : REWORDINGS) {
                        update.setInt(1, rewording.current());
                        update.setString(2, rewording.version());
                        update.setInt(3, rewording.earlier());
                        update.addBatch();
                    }
                    update.executeBatch();
                }
            } catch (SQLException e) {
                throw new FlywayException("Could not record the checksums of reworded migrations", e);
            }
        }

        /** The history table as configured, qualified by the default schema when one is set (Flyway's own rule). */
        private static String historyTable(Context context) {
            String schema = context.getConfiguration().getDefaultSchema();
            String table = quoted(context.getConfiguration().getTable());
            return schema == null ? table : quoted(schema) + "." + table;
        }

        private static String quoted(String identifier) {
            return '"' + identifier.replace("\"", "\"\"") + '"';
        }

        private static boolean exists(Connection connection, String table) throws SQLException {
            try (PreparedStatement query = connection.prepareStatement("select to_regclass(?) is not null")) {
                query.setString(1, table);
                try (ResultSet row = query.executeQuery()) {
                    return row.next() && row.getBoolean(1);
                }
            }
        }

        @Override
        public String getCallbackName() {
            return "reworded-migrations";
        }
    }
}
