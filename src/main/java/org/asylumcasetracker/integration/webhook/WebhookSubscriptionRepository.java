package org.asylumcasetracker.integration.webhook;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Subscriptions, always looked up within one organization; deleted (inactive) ones are not found. */
@ApplicationScoped
public class WebhookSubscriptionRepository implements PanacheRepositoryBase<WebhookSubscription, UUID> {

    public Optional<WebhookSubscription> findActive(String organizationId, UUID id) {
        return find("id = ?1 and organizationId = ?2 and active = true", id, organizationId)
                .firstResultOptional();
    }

    public PanacheQuery<WebhookSubscription> active(String organizationId) {
        return find(
                "organizationId = ?1 and active = true", Sort.by("createdAt").and("id"), organizationId);
    }

    /** The active subscriptions of an organization that want this type of event. */
    public List<WebhookSubscription> activeFor(String organizationId, WebhookEventType type) {
        return active(organizationId).list().stream()
                .filter(s -> s.subscribesTo(type))
                .toList();
    }
}
