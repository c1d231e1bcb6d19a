package org.asylumcasetracker.integration.webhook;

import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.asylumcasetracker.filing.AlertCode;
import org.asylumcasetracker.organization.Organization;
import org.asylumcasetracker.organization.OrganizationRepository;
import org.asylumcasetracker.platform.persistence.AcrossOrganizations;
import org.asylumcasetracker.platform.persistence.SqlValues;

/**
 * The daily ALERT_DUE job: tells subscribers about every alert whose due day has arrived. "Today" is each
 * organization's own date at the moment of the run. A run first claims its day (the date in the job's
 * time zone) by inserting a row that only one instance can insert; the claim and the deliveries commit
 * together, so a run that fails leaves the day to a later trigger, and a day is never run twice.
 *
 * <p>Each raised alert is announced once, by the first run on or after its due day: a ledger
 * ({@code alert_due_sent}) keeps every alert a run has announced, by filing (none for a person's own deadlines), person, code, duty
 * and due day. So
 * an alert whose due day had already passed when its facts were recorded (a missed appointment entered a
 * week late) goes out with the next run, days the service did not run are made up, and neither a restart
 * nor a second instance announces an alert twice. Alerts that are no longer raised on the run's day are
 * not announced. Alerts are entered in the ledger whether or not anyone subscribes, so that a new
 * subscriber hears of alerts that come due after it subscribed, not of every old one.
 */
@ApplicationScoped
public class AlertDueJob {

    static final String JOB = "ALERT_DUE";

    private final EntityManager em;
    private final OrganizationRepository organizations;
    private final WebhookSubscriptionRepository subscriptions;
    private final WebhookOutbox outbox;
    private final WebhookConfig config;
    private final MeterRegistry metrics;

    /** What one trigger did: whether it claimed {@code day}, and how many deliveries it wrote. */
    public record Run(LocalDate day, boolean claimed, int deliveries) {}

    @Inject
    public AlertDueJob(
            EntityManager em,
            OrganizationRepository organizations,
            WebhookSubscriptionRepository subscriptions,
            WebhookOutbox outbox,
            WebhookConfig config,
            MeterRegistry metrics) {
        this.metrics = metrics;
        this.em = em;
        this.organizations = organizations;
        this.subscriptions = subscriptions;
        this.outbox = outbox;
        this.config = config;
    }

    /** Runs the job as of {@code at}, unless this day's run was claimed already (here or by another instance). */
    @AcrossOrganizations
    @Transactional
    @WithSpan("ALERT_DUE job")
    public Run run(Instant at) {
        LocalDate day = LocalDate.ofInstant(at, config.alertDueTimeZone());
        // A concurrent insert of the same day waits for the first to commit, then inserts nothing.
        int claimed = em.createNativeQuery("insert into scheduled_job_run (job, run_on, started_at, instance)"
                        + " values (:job, :day, now(), :instance) on conflict do nothing")
                .setParameter("job", JOB)
                .setParameter("day", day)
                .setParameter("instance", instanceName())
                .executeUpdate();
        metrics.counter("asylum.jobs.runs", "job", JOB, "claimed", Boolean.toString(claimed == 1))
                .increment();
        if (claimed == 0) {
            return new Run(day, false, 0);
        }
        int written = 0;
        for (Organization organization : organizations.listAll()) {
            LocalDate today = LocalDate.ofInstant(at, organization.zone());
            List<DeliveryPayload.AlertDueData> due = announceDue(organization.getId(), today);
            List<WebhookSubscription> targets = due.isEmpty()
                    ? List.of()
                    : subscriptions.activeFor(organization.getId(), WebhookEventType.ALERT_DUE);
            for (DeliveryPayload.AlertDueData alert : due) {
                outbox.enqueue(targets, WebhookEventType.ALERT_DUE, alert);
                written += targets.size();
            }
        }
        return new Run(day, true, written);
    }

    /**
     * Enters in the ledger the organization's alerts raised on {@code today} and not announced before, and
     * returns them. A concurrent run inserting the same alert waits for the first to commit, then skips it.
     */
    private List<DeliveryPayload.AlertDueData> announceDue(String organizationId, LocalDate today) {
        List<?> rows = em.createNativeQuery("""
                        insert into alert_due_sent (organization_id, filing_id, client_id, code, duty, due_on, sent_on)
                        select w.organization_id, w.filing_id, w.client_id, w.code, w.duty, w.due_on, :today
                        from alert_window w
                        where w.organization_id = :org and w.due_on <= :today and w.raised_on <= :today
                            and (w.ends_on is null or w.ends_on >= :today)
                        order by w.due_on, w.filing_id, w.code
                        on conflict do nothing
                        returning filing_id, client_id, code, due_on""")
                .setParameter("org", organizationId)
                .setParameter("today", today)
                .getResultList();
        return rows.stream()
                .map(row -> {
                    Object[] columns = (Object[]) row;
                    AlertCode code = AlertCode.valueOf((String) columns[2]);
                    return new DeliveryPayload.AlertDueData(
                            (UUID) columns[0],
                            (UUID) columns[1],
                            code,
                            code.severity(),
                            SqlValues.toLocalDate(columns[3]));
                })
                .sorted(Comparator.comparing(DeliveryPayload.AlertDueData::dueOn))
                .toList();
    }

    private static String instanceName() {
        String host = System.getenv().getOrDefault("HOSTNAME", "localhost");
        return host + "/" + ProcessHandle.current().pid();
    }
}
