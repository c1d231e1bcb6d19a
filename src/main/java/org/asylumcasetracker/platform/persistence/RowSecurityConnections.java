package org.asylumcasetracker.platform.persistence;

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

/**
 * Tells PostgreSQL, each time the pool hands out a connection, which organization's rows its work may see:
 * the settings {@code app.organization_id} and {@code app.across_organizations} that the row-level security
 * policies compare with (migration V35). The organization is the one chosen on the thread
 * ({@link OrganizationScope}), else the caller's token {@code org} claim; with neither, none (no row).
 *
 * <p>Why the pool: it is the one place every connection passes, whatever uses it (Hibernate, Panache, native
 * queries, the CSV cursor, Flyway, code that takes the {@code DataSource}), so no path can forget it. Inside a
 * transaction Agroal enlists the connection before it calls its interceptors, and calls them once per
 * transaction; the settings are then transaction-local ({@code set_config(..., true)}) and end with it, so
 * the pool cannot carry them into another's work. A connection taken outside a transaction (reads that need
 * none) works in autocommit, where a transaction-local setting would end with the statement that makes it;
 * there the settings hold for the session, and since every hand-out writes both of them, no connection is
 * ever handed out with a previous holder's organization. Either way it costs one statement per hand-out.
 */
@ApplicationScoped
public class RowSecurityConnections implements AgroalPoolInterceptor {

    private static final String SET =
            "select set_config('app.organization_id', ?, ?)," + " set_config('app.across_organizations', ?, ?)";

    @Override
    public void onConnectionAcquire(Connection connection) {
        OrganizationScope.Scope scope = scope();
        try (PreparedStatement set = connection.prepareStatement(SET)) {
            boolean transactionLocal = !connection.getAutoCommit();
            set.setString(1, scope.organizationId());
            set.setBoolean(2, transactionLocal);
            set.setString(3, scope.acrossOrganizations() ? "on" : "off");
            set.setBoolean(4, transactionLocal);
            set.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not set the organization of a database connection", e);
        }
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
