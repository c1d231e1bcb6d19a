package org.asylumcasetracker.integration.webhook;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.util.UUID;
import org.asylumcasetracker.integration.webhook.api.WebhookRequest;
import org.asylumcasetracker.platform.api.PageResponse;
import org.asylumcasetracker.platform.problem.DomainRuleException;
import org.asylumcasetracker.platform.problem.ResourceNotFoundException;
import org.asylumcasetracker.platform.security.CurrentOrganization;

/** Subscribes, lists and deletes the caller's organization's webhooks, and reads their delivery logs. */
@ApplicationScoped
public class WebhookService {

    /** The code of the 422 for a subscription over the organization's cap. */
    public static final String LIMIT_REACHED = "WEBHOOK_LIMIT_REACHED";

    private final WebhookSubscriptionRepository subscriptions;
    private final WebhookDeliveryRepository deliveries;
    private final DeliveryQueue queue;
    private final WebhookUrlPolicy urlPolicy;
    private final CurrentOrganization organization;
    private final int maxSubscriptions;

    @Inject
    public WebhookService(WebhookSubscriptionRepository subscriptions, WebhookDeliveryRepository deliveries,
            DeliveryQueue queue, WebhookUrlPolicy urlPolicy, CurrentOrganization organization, WebhookConfig config) {
        this.maxSubscriptions = config.maxSubscriptionsPerOrganization();
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.queue = queue;
        this.urlPolicy = urlPolicy;
        this.organization = organization;
    }

    @Transactional
    public WebhookSubscription subscribe(WebhookRequest request) {
        URI url = urlPolicy.check(request.url());
        // Serializes subscribing within the organization, so that two at once cannot both pass the cap.
        // NO KEY UPDATE does not wait for (or hold up) the clinic's inserts that reference the row.
        subscriptions.getEntityManager().createNativeQuery("select 1 from organization where id = ?1 for no key update")
                .setParameter(1, organization.id()).getResultList();
        if (subscriptions.active(organization.id()).count() >= maxSubscriptions) {
            throw new DomainRuleException(LIMIT_REACHED, "An organization may have at most " + maxSubscriptions
                    + " webhook subscriptions; delete one it no longer needs first.");
        }
        WebhookSubscription subscription = new WebhookSubscription(organization.id(), url.toString(), request.secret(),
                request.events());
        subscriptions.persistAndFlush(subscription);
        return subscription;
    }

    public WebhookSubscription get(UUID id) {
        return subscriptions.findActive(organization.id(), id)
                .orElseThrow(() -> new ResourceNotFoundException("Webhook", id));
    }

    public PageResponse<WebhookSubscription> list(int page, int size) {
        PanacheQuery<WebhookSubscription> query = subscriptions.active(organization.id());
        return new PageResponse<>(query.page(Page.of(page, size)).list(), page, size, query.count());
    }

    /** Deactivates the subscription; what it has not yet been sent, it will not be sent. */
    @Transactional
    public void unsubscribe(UUID id) {
        WebhookSubscription subscription = get(id);
        subscription.deactivate();
        subscriptions.flush();
        queue.cancelPending(subscription.getId());
    }

    public PageResponse<WebhookDelivery> deliveries(UUID subscriptionId, int page, int size) {
        WebhookSubscription subscription = get(subscriptionId);
        PanacheQuery<WebhookDelivery> query = deliveries.log(organization.id(), subscription.getId());
        return new PageResponse<>(query.page(Page.of(page, size)).list(), page, size, query.count());
    }
}
