package org.asylumcasetracker.integration.webhook;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;
import org.asylumcasetracker.organization.CurrentOrganization;
import org.asylumcasetracker.platform.api.PageResponse;
import org.asylumcasetracker.platform.problem.DomainRuleException;
import org.asylumcasetracker.platform.problem.InvalidInputException;
import org.asylumcasetracker.platform.problem.ResourceNotFoundException;
import org.asylumcasetracker.platform.problem.ServiceUnavailableException;

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
    private final SecretVault vault;
    private final WebhookSecretsConfig secretsConfig;
    private final Clock clock;
    private final int maxSubscriptions;

    /** A subscription and, when the service generated its secret, that secret (to be shown once). */
    public record Subscribed(WebhookSubscription subscription, String generatedSecret) {

        @Override
        public String toString() {
            return "Subscribed[" + subscription.getId() + "]";
        }
    }

    /** The secret a rotation made, and until when the previous one still signs. */
    public record Rotated(UUID id, String secret, OffsetDateTime previousSecretExpiresAt) {

        @Override
        public String toString() {
            return "Rotated[" + id + "]";
        }
    }

    @Inject
    public WebhookService(
            WebhookSubscriptionRepository subscriptions,
            WebhookDeliveryRepository deliveries,
            DeliveryQueue queue,
            WebhookUrlPolicy urlPolicy,
            CurrentOrganization organization,
            SecretVault vault,
            WebhookSecretsConfig secretsConfig,
            Clock clock,
            WebhookConfig config) {
        this.maxSubscriptions = config.maxSubscriptionsPerOrganization();
        this.vault = vault;
        this.secretsConfig = secretsConfig;
        this.clock = clock;
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.queue = queue;
        this.urlPolicy = urlPolicy;
        this.organization = organization;
    }

    /** Subscribes with the client's {@code whsec_} secret, or with a generated one that the answer shows once. */
    @Transactional
    public Subscribed subscribe(String target, String secret, Set<WebhookEventType> events) {
        URI url = urlPolicy.check(target);
        // Serializes subscribing within the organization, so that two at once cannot both pass the cap.
        // NO KEY UPDATE does not wait for (or hold up) the clinic's inserts that reference the row.
        subscriptions
                .getEntityManager()
                .createNativeQuery("select 1 from organization where id = ?1 for no key update")
                .setParameter(1, organization.id())
                .getResultList();
        if (subscriptions.active(organization.id()).count() >= maxSubscriptions) {
            throw new DomainRuleException(
                    LIMIT_REACHED,
                    "An organization may have at most " + maxSubscriptions
                            + " webhook subscriptions; delete one it no longer needs first.");
        }
        byte[] key = keyOf(secret);
        requireSealing();
        String generated = secret == null ? WebhookSecret.encode(key) : null;
        WebhookSubscription subscription = new WebhookSubscription(organization.id(), url.toString(), events);
        subscription.useSecret(vault.seal(key, subscription.getId()));
        subscriptions.persistAndFlush(subscription);
        return new Subscribed(subscription, generated);
    }

    /**
     * Gives the subscription a new generated secret. The previous one keeps signing next to it (two signatures)
     * for the configured grace period, so the receiver can switch without losing a delivery; a secret older than
     * the previous one stops at once.
     */
    @Transactional
    public Rotated rotateSecret(UUID id) {
        WebhookSubscription subscription = get(id);
        requireSealing();
        String secret = WebhookSecret.generate();
        OffsetDateTime previousValidUntil = OffsetDateTime.now(clock).plus(secretsConfig.rotationGrace());
        subscription.rotateSecret(vault.seal(WebhookSecret.decode(secret), subscription.getId()), previousValidUntil);
        subscriptions.flush();
        return new Rotated(subscription.getId(), secret, previousValidUntil);
    }

    private static byte[] keyOf(String secret) {
        if (secret == null) {
            return WebhookSecret.decode(WebhookSecret.generate());
        }
        try {
            return WebhookSecret.decode(secret);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("secret", "must be " + WebhookSecret.FORMAT);
        }
    }

    private void requireSealing() {
        if (!vault.canSeal()) {
            throw new ServiceUnavailableException("Webhook secrets cannot be stored: this deployment has no encryption"
                    + " key for them (ASYLUM_WEBHOOKS_SECRETS_KEY).");
        }
    }

    public WebhookSubscription get(UUID id) {
        return subscriptions
                .findActive(organization.id(), id)
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
