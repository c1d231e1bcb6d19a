package org.asylumcasetracker.integration.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.asylumcasetracker.client.ClientChanged;
import org.asylumcasetracker.filing.FilingChanged;
import org.asylumcasetracker.filing.FilingRepository;

/**
 * Writes deliveries into the transaction of the change they announce, so that a change and its webhook
 * messages commit or roll back together; the dispatcher sends them afterwards. The observers run
 * synchronously inside the writing transaction, like the alert window store.
 */
@ApplicationScoped
public class WebhookOutbox {

    private final WebhookSubscriptionRepository subscriptions;
    private final WebhookDeliveryRepository deliveries;
    private final FilingRepository filings;
    private final ObjectMapper mapper;
    private final Clock clock;

    @Inject
    public WebhookOutbox(
            WebhookSubscriptionRepository subscriptions,
            WebhookDeliveryRepository deliveries,
            FilingRepository filings,
            ObjectMapper mapper,
            Clock clock) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.filings = filings;
        this.mapper = mapper;
        this.clock = clock;
    }

    void onFilingChanged(@Observes FilingChanged change) {
        if (!change.stageChanged()) {
            return;
        }
        List<WebhookSubscription> targets =
                subscriptions.activeFor(change.organizationId(), WebhookEventType.FILING_STAGE_CHANGED);
        if (targets.isEmpty()) {
            return;
        }
        // the person the event concerns, else the principal
        UUID clientId = change.personId() != null
                ? change.personId()
                : filings.findById(change.filingId()).getClientId();
        enqueue(
                targets,
                WebhookEventType.FILING_STAGE_CHANGED,
                new DeliveryPayload.FilingStageChangedData(
                        change.filingId(),
                        clientId,
                        change.stageBefore(),
                        change.stageAfter(),
                        change.version(),
                        change.eventId()));
    }

    void onClientChanged(@Observes ClientChanged change) {
        enqueue(
                subscriptions.activeFor(change.organizationId(), WebhookEventType.CLIENT_CHANGED),
                WebhookEventType.CLIENT_CHANGED,
                new DeliveryPayload.ClientChangedData(
                        change.clientId(), change.created(), change.version(), change.movedOn()));
    }

    /**
     * One delivery per subscription, in the caller's transaction. The subscriptions all belong to the
     * organization the data is about: callers look them up by that organization.
     */
    public void enqueue(List<WebhookSubscription> targets, WebhookEventType type, Object data) {
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        for (WebhookSubscription subscription : targets) {
            UUID id = UUID.randomUUID();
            String payload = json(new DeliveryPayload(id, type, now, subscription.getOrganizationId(), data));
            deliveries.persist(new WebhookDelivery(id, subscription, type, payload, now));
        }
    }

    private String json(DeliveryPayload payload) {
        try {
            return mapper.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            // records of ids, enums and dates always serialize; this would be a programming error
            throw new IllegalStateException("Could not write a webhook payload", e);
        }
    }
}
