package org.asylumcasetracker.integration.webhook;

import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
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
 * <p>When the service did not run on some days (the previous claimed day is more than one day back), the
 * run also covers the missed days, up to {@code asylum.webhooks.alert-due-catch-up-days}; alerts that are no
 * longer raised today are not sent late.
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
        int days = daysToCover(day);
        int written = 0;
        for (Organization organization : organizations.listAll()) {
            List<WebhookSubscription> targets =
                    subscriptions.activeFor(organization.getId(), WebhookEventType.ALERT_DUE);
            if (!targets.isEmpty()) {
                LocalDate today = LocalDate.ofInstant(at, organization.zone());
                for (DeliveryPayload.AlertDueData alert :
                        dueAlerts(organization.getId(), today.minusDays(days), today)) {
                    outbox.enqueue(targets, WebhookEventType.ALERT_DUE, alert);
                    written += targets.size();
                }
            }
        }
        return new Run(day, true, written);
    }

    /** 1 on consecutive days; more after days without a run, at most the configured catch-up. */
    private int daysToCover(LocalDate day) {
        Object previous = em.createNativeQuery(
                        "select max(run_on) from scheduled_job_run where job = :job and run_on < :day")
                .setParameter("job", JOB)
                .setParameter("day", day)
                .getSingleResult();
        if (previous == null) {
            return 1;
        }
        LocalDate previousDay = SqlValues.toLocalDate(previous);
        long since = ChronoUnit.DAYS.between(previousDay, day);
        return (int) Math.max(1, Math.min(since, config.alertDueCatchUpDays()));
    }

    /** Alerts of the organization due after {@code after} and on or before {@code today}, still raised today. */
    private List<DeliveryPayload.AlertDueData> dueAlerts(String organizationId, LocalDate after, LocalDate today) {
        List<?> rows = em.createNativeQuery("select filing_id, client_id, code, due_on from alert_window"
                        + " where organization_id = :org and due_on > :after and due_on <= :today"
                        + " and (ends_on is null or ends_on >= :today) order by due_on, filing_id, code")
                .setParameter("org", organizationId)
                .setParameter("after", after)
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
                .toList();
    }

    private static String instanceName() {
        String host = System.getenv().getOrDefault("HOSTNAME", "localhost");
        return host + "/" + ProcessHandle.current().pid();
    }
}
