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
 * Applied migrations whose comments were reworded after they ran, and nothing else: their SQL is unchanged. Flyway's
 * checksum covers comments too, so a database migrated before the rewording would fail validation at start. Before
 * validating, the schema history's checksum of such a migration is moved from the old text's to the new text's, and
 * only when it holds exactly the old text's: a migration changed in any other way still fails validation.
 */
@Singleton
public class RewordedMigrations implements FlywayConfigurationCustomizer {

    /** A migration's version, with the checksums Flyway gives its text before and after the rewording. */
    record Reworded(String version, int before, int after) {}

    static final List<Reworded> REWORDED = List.of(
            // V1 and V2: the first comment line named sections of a document kept outside the repository
            new Reworded("1", 2097172508, 724727754), new Reworded("2", -416611558, -283439758));

    @Override
    public void customize(FluentConfiguration configuration) {
        configuration.callbacks(
                Stream.concat(Stream.of(configuration.getCallbacks()), Stream.of(new ChecksumsOfRewordedMigrations()))
                        .toArray(Callback[]::new));
    }

    static final class ChecksumsOfRewordedMigrations extends BaseCallback {

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
            String table = context.getConfiguration().getTable();
            Connection connection = context.getConnection();
            try {
                if (!exists(connection, table)) {
                    return; // a new database: nothing was applied yet
                }
                for (Reworded migration : REWORDED) {
                    try (PreparedStatement update = connection.prepareStatement(
                            "update " + table + " set checksum = ? where version = ? and checksum = ?")) {
                        update.setInt(1, migration.after());
                        update.setString(2, migration.version());
                        update.setInt(3, migration.before());
                        update.executeUpdate();
                    }
                }
            } catch (SQLException e) {
                throw new FlywayException("Could not update the checksums of reworded migrations", e);
            }
        }

        private static boolean exists(Connection connection, String table) throws SQLException {
            try (PreparedStatement find = connection.prepareStatement("select to_regclass(?) is not null")) {
                find.setString(1, table);
                try (ResultSet found = find.executeQuery()) {
                    return found.next() && found.getBoolean(1);
                }
            }
        }

        @Override
        public String getCallbackName() {
            return "checksums-of-reworded-migrations";
        }
    }
}
