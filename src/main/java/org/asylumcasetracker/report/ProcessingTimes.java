package org.asylumcasetracker.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.asylumcasetracker.filing.Channel;
import org.asylumcasetracker.filing.Venue;
import org.asylumcasetracker.organization.CurrentOrganization;
import org.asylumcasetracker.platform.problem.InvalidInputException;
import org.hibernate.query.NativeQuery;

/**
 * How long USCIS and the courts take, step by step ({@link ProcessingStep}), over the people on the
 * organization's applications: for the people whose step ended between {@code from} and {@code to}, how many
 * and the median and 90th percentile of its length in days; and how many are still in the step on {@code to}
 * (started, not ended, their application not closed and their biometrics not done) with the median of their
 * wait so far. Retracted events do not count. Computed by PostgreSQL in one statement.
 */
@ApplicationScoped
public class ProcessingTimes {

    /** The most days one report may span. */
    static final int MAX_SPAN_DAYS = 3660;

    /** What to measure: the period and optional narrowing (the principal's case worker, by username). */
    public record Filter(LocalDate from, LocalDate to, Venue venue, Channel channel, String caseworker) {}

    /** One step's figures; the day figures are null when no person is counted. */
    public record StepTimes(
            ProcessingStep step,
            long count,
            BigDecimal medianDays,
            BigDecimal p90Days,
            long waiting,
            BigDecimal waitingMedianDays) {}

    /** The answer: the period measured and one line per step, in the order of the steps. */
    public record Report(LocalDate from, LocalDate to, List<StepTimes> steps) {}

    /*
     * people: the principal and each family member of every filing that passes the filters.
     * firsts: per filing and the person its events name (none: the principal), the first day of each kind of event in
     * effect, in one pass over the organization's events and without a lookup of each event's filing (a join per
     * event cost more than the rest of the statement); packages: per filing, the first package mailed.
     * facts: per person, their firsts: the events that name nobody and those that name the principal are the
     * principal's, so a principal may have two groups of firsts, merged here (the first notice by day, then sequence).
     * spans: each person's steps with their start and end days.
     */
    private static final String QUERY = """
            with people as (
                select f.id as filing_id, p.client_id as person_id, f.client_id as principal_id, f.venue, f.filed_on,
                    f.closed_on
                from filing_person p join filing f on f.id = p.filing_id%2$s
                where p.organization_id = :org and f.organization_id = :org and %1$s),
            firsts as (
                select e.filing_id, e.client_id,
                    min(e.occurred_on) filter (where e.type = 'RECEIPT_RECEIVED') as receipt_on,
                    min(e.occurred_on) filter (where e.type = 'BIOMETRICS_NOTICE_RECEIVED') as notice_on,
                    (array_agg(e.sequence order by e.occurred_on, e.sequence)
                        filter (where e.type = 'BIOMETRICS_NOTICE_RECEIVED'))[1] as notice_sequence,
                    (array_agg(e.appointment_at order by e.occurred_on, e.sequence)
                        filter (where e.type = 'BIOMETRICS_NOTICE_RECEIVED'))[1] as appointment_at,
                    min(e.occurred_on) filter (where e.type = 'BIOMETRICS_COMPLETED') as completed_on,
                    min(e.occurred_on) filter (where e.type = 'BIOMETRICS_REUSED') as reused_on
                from filing_event e
                where e.organization_id = :org and e.retracted_at is null
                    and e.type in ('RECEIPT_RECEIVED', 'BIOMETRICS_NOTICE_RECEIVED', 'BIOMETRICS_COMPLETED',
                        'BIOMETRICS_REUSED')
                group by e.filing_id, e.client_id),
            packages as (
                select e.filing_id, min(e.occurred_on) as on_day
                from filing_event e
                where e.organization_id = :org and e.retracted_at is null and e.type = 'USCIS_PACKAGE_MAILED'
                group by e.filing_id),
            facts as (
                select p.filing_id, p.closed_on, p.filed_on,
                    case when p.venue = 'USCIS' then p.filed_on else pkg.on_day end as submitted_on,
                    min(fi.receipt_on) as receipt_on, min(fi.notice_on) as notice_on,
                    cast((array_agg(fi.appointment_at order by fi.notice_on, fi.notice_sequence)
                        filter (where fi.notice_on is not null))[1] at time zone o.time_zone as date) as appointment_on,
                    least(min(fi.completed_on), min(fi.reused_on)) as done_on
                from people p
                join organization o on o.id = :org
                left join packages pkg on pkg.filing_id = p.filing_id
                left join firsts fi on fi.filing_id = p.filing_id and coalesce(fi.client_id, p.principal_id) = p.person_id
                group by p.filing_id, p.person_id, p.closed_on, p.filed_on, p.venue, pkg.on_day, o.time_zone),
            spans as (
                select 'RECEIPT' as step, submitted_on as started_on, receipt_on as ended_on, closed_on, done_on
                from facts
                union all
                select 'BIOMETRICS_NOTICE', receipt_on, notice_on, closed_on, done_on from facts
                union all
                select 'APPOINTMENT', notice_on, appointment_on, closed_on, done_on from facts
                union all
                select 'BIOMETRICS_DONE', filed_on, done_on, closed_on, null from facts),
            measured as (
                select step, ended_on - started_on as days,
                    ended_on between :from and :to as ended,
                    (ended_on is null or ended_on > :to) and (closed_on is null or closed_on > :to)
                        and (done_on is null or done_on > :to) as waiting,
                    :to - started_on as waited
                from spans
                where started_on is not null and started_on <= :to and (ended_on is null or ended_on >= started_on))
            select step,
                count(*) filter (where ended),
                percentile_cont(0.5) within group (order by days) filter (where ended),
                percentile_cont(0.9) within group (order by days) filter (where ended),
                count(*) filter (where waiting),
                percentile_cont(0.5) within group (order by waited) filter (where waiting)
            from measured
            group by step""";

    private final EntityManager em;
    private final CurrentOrganization organization;
    private final Clock clock;

    @Inject
    public ProcessingTimes(EntityManager em, CurrentOrganization organization, Clock clock) {
        this.em = em;
        this.organization = organization;
        this.clock = clock;
    }

    /**
     * The report for {@code filter}; a missing {@code to} is today in the organization's time zone, a missing
     * {@code from} 90 days before {@code to}.
     */
    @Transactional
    public Report measure(Filter filter) {
        LocalDate to = filter.to() != null ? filter.to() : LocalDate.now(clock.withZone(organization.zone()));
        LocalDate from = filter.from() != null ? filter.from() : to.minusDays(90);
        if (from.isAfter(to)) {
            throw InvalidInputException.of("from", "must not be after to (" + to + ")");
        }
        if (from.plusDays(MAX_SPAN_DAYS).isBefore(to)) {
            throw InvalidInputException.of("from", "the period may span at most " + MAX_SPAN_DAYS + " days");
        }
        StringBuilder narrowing = new StringBuilder("true");
        if (filter.venue() != null) {
            narrowing.append(" and f.venue = :venue");
        }
        if (filter.channel() != null) {
            narrowing.append(" and f.channel = :channel");
        }
        if (filter.caseworker() != null) {
            narrowing.append(" and c.caseworker = :caseworker");
        }
        // the principal's client only when asked for a case worker, the one filter that reads it
        String clientJoin = filter.caseworker() != null ? " join client c on c.id = f.client_id" : "";
        NativeQuery<?> query = em.createNativeQuery(QUERY.formatted(narrowing, clientJoin))
                .unwrap(NativeQuery.class)
                .setParameter("org", organization.id())
                .setParameter("from", from)
                .setParameter("to", to);
        if (filter.venue() != null) {
            query.setParameter("venue", filter.venue().name());
        }
        if (filter.channel() != null) {
            query.setParameter("channel", filter.channel().name());
        }
        if (filter.caseworker() != null) {
            query.setParameter("caseworker", filter.caseworker());
        }
        Map<ProcessingStep, StepTimes> byStep = new EnumMap<>(ProcessingStep.class);
        for (Object row : query.getResultList()) {
            Object[] columns = (Object[]) row;
            ProcessingStep step = ProcessingStep.valueOf((String) columns[0]);
            byStep.put(
                    step,
                    new StepTimes(
                            step,
                            ((Number) columns[1]).longValue(),
                            days(columns[2]),
                            days(columns[3]),
                            ((Number) columns[4]).longValue(),
                            days(columns[5])));
        }
        List<StepTimes> steps = Arrays.stream(ProcessingStep.values())
                .map(step -> byStep.getOrDefault(step, new StepTimes(step, 0, null, null, 0, null)))
                .toList();
        return new Report(from, to, steps);
    }

    /** Days to one decimal (a median of an even count can fall between two days). */
    private static BigDecimal days(Object value) {
        return value == null
                ? null
                : BigDecimal.valueOf(((Number) value).doubleValue()).setScale(1, RoundingMode.HALF_UP);
    }
}
