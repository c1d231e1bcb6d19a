package org.asylumcasetracker.integration.webhook;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** The delivery log as the API reads it; sending goes through {@link DeliveryQueue}. */
@ApplicationScoped
public class WebhookDeliveryRepository implements PanacheRepositoryBase<WebhookDelivery, UUID> {

    /** A subscription's deliveries, newest first. */
    public PanacheQuery<WebhookDelivery> log(String organizationId, UUID subscriptionId) {
        return find(
                "subscriptionId = ?1 and organizationId = ?2",
                Sort.descending("createdAt").and("id", Sort.Direction.Descending),
                subscriptionId,
                organizationId);
    }
}
