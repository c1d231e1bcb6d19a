package org.asylumcasetracker.support;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import java.util.concurrent.Callable;
import org.asylumcasetracker.platform.persistence.OrganizationScope;

/**
 * Transactions of test code that reads or changes rows directly, past the API: row-level security shows a
 * transaction only the organization it names, so these see every organization, as the service's jobs do.
 */
public final class AllOrganizations {

    private AllOrganizations() {}

    public static <T> T call(Callable<T> work) {
        return OrganizationScope.acrossOrganizations(
                () -> QuarkusTransaction.requiringNew().call(work));
    }

    public static void run(Runnable work) {
        OrganizationScope.acrossOrganizations(
                () -> QuarkusTransaction.requiringNew().run(work));
    }

    /**
     * Cancels every organization's pending webhook deliveries. Earlier tests may leave some pending to receivers that
     * are gone, and a dispatch round would claim them together with a test's own.
     */
    public static void cancelPendingDeliveries(EntityManager em) {
        run(() -> em.createNativeQuery(
                        "update webhook_delivery set status = 'CANCELLED', next_attempt_at = null where status = 'PENDING'")
                .executeUpdate());
    }

    public static void run(int timeoutSeconds, Runnable work) {
        OrganizationScope.acrossOrganizations(
                () -> QuarkusTransaction.requiringNew().timeout(timeoutSeconds).run(work));
    }
}
