package org.asylumcasetracker.integration.webhook;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.util.Set;
import java.util.UUID;
import org.asylumcasetracker.platform.api.PageResponse;
import org.asylumcasetracker.platform.problem.ResourceNotFoundException;
import org.asylumcasetracker.organization.CurrentOrganization;

/** Subscribes, lists and deletes the caller's organization's webhooks, and reads their delivery logs. */
@ApplicationScoped
public class WebhookService {

    private final WebhookSubscriptionRepository subscriptions;
    private final WebhookDeliveryRepository deliveries;
    private final DeliveryQueue queue;
    private final WebhookUrlPolicy urlPolicy;
    private final CurrentOrganization organization;

    @Inject
    public WebhookService(WebhookSubscriptionRepository subscriptions, WebhookDeliveryRepository deliveries,
            DeliveryQueue queue, WebhookUrlPolicy urlPolicy, CurrentOrganization organization) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.queue = queue;
        this.urlPolicy = urlPolicy;
        this.organization = organization;
    }

    @Transactional
    public WebhookSubscription subscribe(String target, String secret, Set<WebhookEventType> events) {
        URI url = urlPolicy.check(target);
        WebhookSubscription subscription = new WebhookSubscription(organization.id(), url.toString(), secret, events);
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
