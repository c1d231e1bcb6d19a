package org.asylumcasetracker.platform.persistence;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * Which organization's rows the database shows to the transactions of the current thread, when that is not
 * the caller's organization. Every table that holds one organization's data is guarded by row-level security
 * (migration V35): a transaction sees and writes only the rows of the organization it names. A request names
 * its token's organization without anyone asking ({@link RowSecurityConnections}); work that is not done for
 * one caller says here, by name, what it needs:
 *
 * <ul>
 *   <li>{@link #acrossOrganizations} for background jobs that serve every organization (webhook dispatch,
 *       alert recomputation, the daily ALERT_DUE job, case status checks, purges, demo data); the annotation
 *       {@link AcrossOrganizations} does the same around a whole method;
 *   <li>{@link #ofOrganization} for work done for one organization that no token names, e.g. a calendar feed
 *       fetched by its secret URL (whose organization the database function of migration V36 answers).
 * </ul>
 *
 * <p>The scope is taken when a transaction first gets its connection, so it must be chosen before the
 * transaction begins: both refuse to start inside a transaction that has not the same scope already. Work for
 * a caller of one organization never goes across organizations: that is refused too.
 */
public final class OrganizationScope {

    /** What the database is told: one organization, every organization, or none (no row at all). */
    record Scope(String organizationId, boolean acrossOrganizations) {

        static final Scope NONE = new Scope("", false);
        static final Scope ACROSS = new Scope("", true);

        static Scope of(String organizationId) {
            return new Scope(Objects.requireNonNull(organizationId), false);
        }
    }

    private static final ThreadLocal<Scope> CURRENT = new ThreadLocal<>();

    private OrganizationScope() {}

    /**
     * Runs {@code work} with every transaction it opens on this thread seeing the rows of every organization.
     * Only for work that is not done for one caller; its queries filter by organization themselves.
     */
    public static <T> T acrossOrganizations(Callable<T> work) {
        return within(Scope.ACROSS, work);
    }

    /** {@link #acrossOrganizations(Callable)} for work without a result. */
    public static void acrossOrganizations(Runnable work) {
        within(Scope.ACROSS, () -> {
            work.run();
            return null;
        });
    }

    /** Runs {@code work} with every transaction it opens on this thread seeing one organization's rows. */
    public static <T> T ofOrganization(String organizationId, Callable<T> work) {
        return within(Scope.of(organizationId), work);
    }

    /** The scope chosen on this thread, if any; else the caller's organization applies. */
    static Scope chosen() {
        return CURRENT.get();
    }

    static <T> T within(Scope scope, Callable<T> work) {
        try {
            return around(scope, work);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Like {@link #within}, for interceptors, which pass on whatever their method throws. */
    static <T> T around(Scope scope, Callable<T> work) throws Exception {
        Scope outer = CURRENT.get();
        if (scope.acrossOrganizations()
                && RowSecurityConnections.callerOrganization().isPresent()) {
            throw new IllegalStateException("Work for a caller of one organization never runs across organizations");
        }
        if (!scope.equals(outer) && QuarkusTransaction.isActive()) {
            throw new IllegalStateException("An organization scope is chosen before its transaction begins: "
                    + "the running transaction may hold a connection of another scope already");
        }
        CURRENT.set(scope);
        try {
            return work.call();
        } finally {
            restore(outer);
        }
    }

    private static void restore(Scope outer) {
        if (outer == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(outer);
        }
    }
}
