package org.asylumcasetracker.platform.db;

import io.quarkus.flyway.FlywayConfigurationCustomizer;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Set;
import java.util.stream.Stream;
import org.asylumcasetracker.platform.persistence.RowSecurityConnections;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.callback.BaseCallback;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * Migrations work on every organization's rows. The tables of one organization's data are guarded by
 * row-level security, which binds their owner too (migration V35); a migration that fills a new column for
 * existing rows would otherwise see none of them and change nothing, without an error. So the migration
 * connection is put across organizations before each migration, as background jobs are.
 */
@Singleton
public class MigrationsAcrossOrganizations implements FlywayConfigurationCustomizer {

    @Override
    public void customize(FluentConfiguration configuration) {
        configuration.callbacks(Stream.concat(
                        Stream.of(configuration.getCallbacks()), Stream.of(new AcrossOrganizationsWhileMigrating()))
                .toArray(Callback[]::new));
    }

    static final class AcrossOrganizationsWhileMigrating extends BaseCallback {

        private static final Set<Event> BEFORE = Set.of(Event.BEFORE_MIGRATE, Event.BEFORE_EACH_MIGRATE);

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
            // For the session, whether or not the migration runs in a transaction; the pool is told, so that it
            // sets the connection's organization again when it next hands it out.
            Connection connection = context.getConnection();
            RowSecurityConnections.forget(connection);
            try (PreparedStatement set =
                    connection.prepareStatement("select set_config('app.across_organizations', 'on', false)")) {
                set.execute();
            } catch (SQLException e) {
                throw new FlywayException("Could not put the migration connection across organizations", e);
            }
        }

        @Override
        public String getCallbackName() {
            return "across-organizations-while-migrating";
        }
    }
}
