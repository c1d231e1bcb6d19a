package org.asylumcasetracker.platform.persistence;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.agroal.api.AgroalPoolInterceptor;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;
import org.asylumcasetracker.platform.security.Caller;
import org.asylumcasetracker.platform.security.Roles;
import org.postgresql.PGConnection;

/**
 * Tells PostgreSQL, each time the pool hands out a connection, which organization's rows its work may see:
 * the settings {@code app.organization_id} and {@code app.across_organizations} that the row-level security
 * policies compare with (migrations V35 and V44). The organization is the one chosen on the thread
 * ({@link OrganizationScope}), else the caller's token {@code org} claim; with neither, none (no row).
 *
 * <p>Why the pool: it is the one place every connection passes, whatever uses it (Hibernate, Panache, native
 * queries, the CSV cursor, Flyway, code that takes the {@code DataSource}), so no path can forget it. Inside a
 * transaction Agroal enlists the connection before it calls its interceptors, and calls them once per
 * transaction: the settings are then transaction-local ({@code set_config(..., true)}), end with it and
 * cannot follow the connection back into the pool. One statement per transaction, sent together with its
 * {@code BEGIN}.
 *
 * <p>Reads that need no transaction run in autocommit (Hibernate takes a connection per operation then, and
 * gives it back after it), where a transaction-local setting would end with the statement that makes it.
 * There the settings are written for the session, and each hand-out compares what the session holds with what
 * the work needs: the same organization again costs nothing, another one a statement before anything else is
 * run, so no connection ever serves one caller with another's organization.
 */
@ApplicationScoped
public class RowSecurityConnections implements AgroalPoolInterceptor {

    private static final String SET =
            "select set_config('app.organization_id', ?, ?), set_config('app.across_organizations', ?, ?)";

    /** What each physical connection's session holds, as this class wrote it outside a transaction. */
    private static final Cache<PGConnection, OrganizationScope.Scope> SESSIONS =
            Caffeine.newBuilder().weakKeys().build();

    @Override
    public void onConnectionAcquire(Connection connection) {
        OrganizationScope.Scope scope = scope();
        try {
            if (!connection.getAutoCommit()) {
                set(connection, scope, true);
                return;
            }
            PGConnection session = session(connection);
            if (session != null && scope.equals(SESSIONS.getIfPresent(session))) {
                return;
            }
            if (session != null) {
                SESSIONS.invalidate(session);
            }
            set(connection, scope, false);
            if (session != null) {
                SESSIONS.put(session, scope);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not set the organization of a database connection", e);
        }
    }

    /** For code that changes the settings of a session itself (the migrations): its next hand-out sets them. */
    public static void forget(Connection connection) {
        try {
            PGConnection session = session(connection);
            if (session != null) {
                SESSIONS.invalidate(session);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not reach the database connection", e);
        }
    }

    private static void set(Connection connection, OrganizationScope.Scope scope, boolean transactionLocal)
            throws SQLException {
        try (PreparedStatement set = connection.prepareStatement(SET)) {
            set.setString(1, scope.organizationId());
            set.setBoolean(2, transactionLocal);
            set.setString(3, scope.acrossOrganizations() ? "on" : "off");
            set.setBoolean(4, transactionLocal);
            set.execute();
        }
    }

    private static PGConnection session(Connection connection) throws SQLException {
        return connection.isWrapperFor(PGConnection.class) ? connection.unwrap(PGConnection.class) : null;
    }

    /**
     * The scope of the current work. An admin token names no organization and manages all of them (the
     * organizations endpoints are the only ones admins reach), so admin requests run across organizations.
     */
    static OrganizationScope.Scope scope() {
        OrganizationScope.Scope chosen = OrganizationScope.chosen();
        if (chosen != null) {
            return chosen;
        }
        Caller caller = caller();
        if (caller == null) {
            return OrganizationScope.Scope.NONE;
        }
        return caller.organizationClaim()
                .map(OrganizationScope.Scope::of)
                .orElseGet(() ->
                        caller.hasRole(Roles.ADMIN) ? OrganizationScope.Scope.ACROSS : OrganizationScope.Scope.NONE);
    }

    /** The organization of the request's caller, if this thread serves a request of one. */
    static Optional<String> callerOrganization() {
        Caller caller = caller();
        return caller == null ? Optional.empty() : caller.organizationClaim();
    }

    private static Caller caller() {
        ArcContainer container = Arc.container();
        if (container == null || !container.requestContext().isActive()) {
            return null;
        }
        return container.instance(Caller.class).get();
    }
}
