package org.asylumcasetracker.casestatus;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.asylumcasetracker.filing.Stage;
import org.asylumcasetracker.filing.Transitions;
import org.asylumcasetracker.filing.Venue;
import org.asylumcasetracker.integration.webhook.WebhookEventType;
import org.asylumcasetracker.integration.webhook.WebhookOutbox;
import org.asylumcasetracker.integration.webhook.WebhookSubscriptionRepository;
import org.asylumcasetracker.organization.OrganizationRepository;

/**
 * Keeps what USCIS answered. A status that differs from the last one kept for the receipt number (case
 * and spacing aside) is added to the history, announced by a {@code CASE_STATUS_CHANGED} webhook, and,
 * when the status table proposes an event the filing's stage allows, turned into an open suggestion
 * (older open suggestions for that receipt number are superseded). Nothing here records an event: only a
 * person accepting a suggestion does.
 */
@ApplicationScoped
public class CaseStatusRecorder {

    private final EntityManager em;
    private final CaseStatusChecks checks;
    private final OrganizationRepository organizations;
    private final WebhookSubscriptionRepository subscriptions;
    private final WebhookOutbox outbox;

    @Inject
    public CaseStatusRecorder(
            EntityManager em,
            CaseStatusChecks checks,
            OrganizationRepository organizations,
            WebhookSubscriptionRepository subscriptions,
            WebhookOutbox outbox) {
        this.em = em;
        this.checks = checks;
        this.organizations = organizations;
        this.subscriptions = subscriptions;
        this.outbox = outbox;
    }

    /** USCIS does not know the number (yet): nothing is added to the history; checked again next round. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordNotFound(CheckKey key, Instant now, Duration checkEvery) {
        checks.recordAnswered(key, new CheckResult.ReceiptNotFound().outcome(), now, checkEvery);
    }

    /** Records a status; returns the observation's id when it was a change. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<UUID> recordStatus(CheckKey key, CaseStatusReport report, Instant now, Duration checkEvery) {
        List<?> found = em.createNativeQuery("""
                select c.filing_id, c.client_id, f.stage, f.venue, f.filed_on from case_status_check c
                join filing f on f.id = c.filing_id
                where c.organization_id = :org and c.receipt_number = :receipt for update of c""")
                .setParameter("org", key.organizationId())
                .setParameter("receipt", key.receiptNumber())
                .getResultList();
        if (found.isEmpty()) {
            return Optional.empty(); // the filing was closed or its receipt number corrected meanwhile
        }
        Object[] check = (Object[]) found.get(0);
        UUID filingId = (UUID) check[0];
        UUID clientId = (UUID) check[1];
        Stage stage = Stage.valueOf((String) check[2]);
        Venue venue = Venue.valueOf((String) check[3]);
        LocalDate filedOn = toLocalDate(check[4]);
        checks.recordAnswered(key, new CheckResult.Status(report).outcome(), now, checkEvery);

        String previous = lastStatus(key);
        if (previous != null
                && StatusSuggestions.normalize(previous).equals(StatusSuggestions.normalize(report.statusText()))) {
            return Optional.empty();
        }
        OffsetDateTime observedAt =
                OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        UUID observationId = UUID.randomUUID();
        em.createNativeQuery("""
                insert into case_status_observation (id, organization_id, receipt_number, filing_id, client_id,
                    observed_at, status_text, status_description, form_type, modified_on, previous_status)
                values (:id, :org, :receipt, :filing, :client, :at, :text, :description, :form, :modified, :previous)""")
                .unwrap(org.hibernate.query.NativeQuery.class)
                .setParameter("id", observationId)
                .setParameter("org", key.organizationId())
                .setParameter("receipt", key.receiptNumber())
                .setParameter("filing", filingId)
                .setParameter("client", clientId)
                .setParameter("at", observedAt)
                .setParameter("text", clip(report.statusText(), 500), String.class)
                .setParameter("description", report.statusDescription(), String.class)
                .setParameter("form", clip(report.formType(), 50), String.class)
                .setParameter("modified", report.modifiedOn(), LocalDate.class)
                .setParameter("previous", previous == null ? null : clip(previous, 500), String.class)
                .executeUpdate();

        UUID suggestionId = null;
        Optional<StatusSuggestions.Row> row = StatusSuggestions.forStatus(report.statusText())
                .filter(r -> Transitions.of(r.event()).allows(stage, venue));
        if (row.isPresent()) {
            em.createNativeQuery("""
                    update case_status_suggestion set state = 'SUPERSEDED', version = version + 1
                    where organization_id = :org and receipt_number = :receipt and state = 'OPEN'""")
                    .setParameter("org", key.organizationId())
                    .setParameter("receipt", key.receiptNumber())
                    .executeUpdate();
            suggestionId = UUID.randomUUID();
            em.createNativeQuery("""
                    insert into case_status_suggestion (id, organization_id, filing_id, client_id, observation_id,
                        receipt_number, kind, event_type, outcome, occurred_on, state, created_at)
                    values (:id, :org, :filing, :client, :observation, :receipt, :kind, :event, :outcome, :occurredOn,
                        'OPEN', :at)""")
                    .unwrap(org.hibernate.query.NativeQuery.class)
                    .setParameter("id", suggestionId)
                    .setParameter("org", key.organizationId())
                    .setParameter("filing", filingId)
                    .setParameter("client", clientId)
                    .setParameter("observation", observationId)
                    .setParameter("receipt", key.receiptNumber())
                    .setParameter("kind", row.get().kind().name())
                    .setParameter("event", row.get().event().name())
                    .setParameter(
                            "outcome",
                            row.get().outcome() == null
                                    ? null
                                    : row.get().outcome().name(),
                            String.class)
                    .setParameter("occurredOn", occurredOn(report.modifiedOn(), filedOn, key.organizationId(), now))
                    .setParameter("at", observedAt)
                    .executeUpdate();
        }
        outbox.enqueue(
                subscriptions.activeFor(key.organizationId(), WebhookEventType.CASE_STATUS_CHANGED),
                WebhookEventType.CASE_STATUS_CHANGED,
                new CaseStatusChanged(
                        filingId,
                        clientId,
                        key.receiptNumber(),
                        report.statusText(),
                        previous,
                        report.modifiedOn(),
                        observedAt,
                        suggestionId,
                        row.map(StatusSuggestions.Row::kind).orElse(null)));
        return Optional.of(observationId);
    }

    /**
     * The day the proposed event happened: the day USCIS changed the case when it said so, kept within what
     * the events endpoint admits (not before the filing date, not after today in the organization's zone).
     */
    private LocalDate occurredOn(LocalDate modifiedOn, LocalDate filedOn, String organizationId, Instant now) {
        LocalDate today =
                LocalDate.ofInstant(now, organizations.findById(organizationId).zone());
        LocalDate day = modifiedOn == null || modifiedOn.isAfter(today) ? today : modifiedOn;
        return day.isBefore(filedOn) ? filedOn : day;
    }

    private String lastStatus(CheckKey key) {
        List<?> rows = em.createNativeQuery("""
                select status_text from case_status_observation where organization_id = :org and receipt_number = :receipt
                order by observed_at desc, id limit 1""")
                .setParameter("org", key.organizationId())
                .setParameter("receipt", key.receiptNumber())
                .getResultList();
        return rows.isEmpty() ? null : (String) rows.get(0);
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    static LocalDate toLocalDate(Object value) {
        return value instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) value;
    }
}
