package org.asylumcasetracker.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.asylumcasetracker.alert.AlertRules;
import org.asylumcasetracker.alert.AlertWindow;
import org.asylumcasetracker.alert.ClientAlertRules;
import org.asylumcasetracker.alert.ClientFacts;
import org.asylumcasetracker.alert.FilingFacts;
import org.asylumcasetracker.client.PrimaryIdLookup;
import org.asylumcasetracker.filing.Alert;
import org.asylumcasetracker.filing.AlertCode;
import org.asylumcasetracker.filing.Filing;
import org.asylumcasetracker.filing.FilingEvent;
import org.asylumcasetracker.filing.FilingEventRepository;
import org.asylumcasetracker.filing.FilingRepository;
import org.asylumcasetracker.filing.Severity;
import org.asylumcasetracker.organization.CurrentOrganization;
import org.asylumcasetracker.platform.problem.AccessDeniedException;
import org.asylumcasetracker.platform.problem.DomainRuleException;
import org.asylumcasetracker.platform.problem.InvalidInputException;
import org.asylumcasetracker.platform.security.Accounts;
import org.asylumcasetracker.platform.security.Caller;
import org.asylumcasetracker.platform.security.Roles;

/**
 * Overdue reports for dashboards and supervisors. Rows come from the stored alert windows by SQL; only
 * the rows of the requested page are turned into full alerts (summary and next steps).
 */
@ApplicationScoped
public class OverdueReportService {

    public static final String UNASSIGNED = "(unassigned)";
    /** The code of the 422 for a CSV export over the row cap. */
    public static final String EXPORT_TOO_LARGE = "EXPORT_TOO_LARGE";

    private final OverdueQueries queries;
    private final FilingRepository filings;
    private final PrimaryIdLookup primaryIds;
    private final CurrentOrganization organization;
    private final Caller caller;
    private final Clock clock;
    private final Accounts accounts;
    private final ReportConfig config;
    private final ClientFactsReader clientFacts;
    private final FilingEventRepository events;

    @Inject
    public OverdueReportService(
            OverdueQueries queries,
            FilingRepository filings,
            PrimaryIdLookup primaryIds,
            CurrentOrganization organization,
            Caller caller,
            Clock clock,
            Accounts accounts,
            ReportConfig config,
            ClientFactsReader clientFacts,
            FilingEventRepository events) {
        this.events = events;
        this.clientFacts = clientFacts;
        this.accounts = accounts;
        this.config = config;
        this.queries = queries;
        this.filings = filings;
        this.primaryIds = primaryIds;
        this.organization = organization;
        this.caller = caller;
        this.clock = clock;
    }

    /** One page of the report: each row with its alert. */
    public record Page(LocalDate asOf, List<ReportRow> rows, long total) {}

    /** A report row: the alert and the context around it. */
    public record ReportRow(OverdueRow row, Alert alert) {}

    /** Counts for a dashboard. */
    public record Summary(
            LocalDate asOf,
            long total,
            Map<String, Long> byCode,
            Map<String, Long> bySeverity,
            Map<String, Long> byCaseworker,
            Map<String, Long> aging) {}

    public LocalDate today() {
        return LocalDate.now(clock.withZone(organization.zone()));
    }

    @Transactional
    public Page page(OverdueFilter requested, int page, int size) {
        OverdueFilter filter = scoped(requested);
        String organizationId = organization.id();
        List<OverdueRow> rows = queries.page(organizationId, filter, page, size);
        List<UUID> filingIds = rows.stream()
                .map(OverdueRow::filingId)
                .filter(Objects::nonNull)
                .distinct()
                .toList();
        Map<UUID, Filing> byId = filingIds.isEmpty()
                ? Map.of()
                : filings.list("id in ?1", filingIds).stream().collect(Collectors.toMap(Filing::getId, f -> f));
        // a filing's row holds its progress after its latest event; only an earlier day needs its events
        Map<UUID, List<FilingEvent>> timelines = events.allOf(byId.values().stream()
                .filter(f -> f.hasEventsAfter(filter.asOf()))
                .map(Filing::getId)
                .toList());
        Map<UUID, ClientFacts> people = clientFacts.read(rows.stream()
                .filter(row -> row.filingId() == null)
                .map(OverdueRow::clientId)
                .distinct()
                .toList());
        Map<UUID, Boolean> hasPrimaryId = primaryIds.hasPrimaryId(
                rows.stream().map(OverdueRow::clientId).distinct().toList());
        List<ReportRow> result = new ArrayList<>();
        // each filing's people as they stood on asOf: the rows' words then match the day asked about
        Map<UUID, List<FilingFacts>> factsOn = new HashMap<>();
        for (OverdueRow row : rows) {
            if (row.filingId() == null) {
                AlertWindow window = new AlertWindow(row.code(), row.dueOn(), row.endsOn(), row.duty());
                result.add(new ReportRow(
                        row, ClientAlertRules.toAlert(window, people.get(row.clientId()), filter.asOf())));
                continue;
            }
            Filing filing = byId.get(row.filingId());
            List<FilingFacts> everyone = factsOn.computeIfAbsent(
                    filing.getId(),
                    id -> FilingFacts.ofEveryoneOn(
                            filing,
                            filter.asOf(),
                            hasPrimaryId,
                            () -> timelines.getOrDefault(id, List.of()),
                            organization.zone()));
            Alert alert = AlertRules.toAlert(
                    new AlertWindow(row.code(), row.dueOn(), row.endsOn(), row.duty()),
                    personIn(everyone, row.clientId()),
                    organization.displaySettings(),
                    organization.zone(),
                    filter.asOf());
            result.add(new ReportRow(row, alert));
        }
        return new Page(filter.asOf(), result, rows.isEmpty() && page == 0 ? 0 : queries.count(organizationId, filter));
    }

    /** The facts of the person a stored window is about; the principal's if they have left the filing since. */
    private static FilingFacts personIn(List<FilingFacts> everyone, UUID clientId) {
        return everyone.stream()
                .filter(facts -> facts.clientId().equals(clientId))
                .findFirst()
                .orElse(everyone.get(0));
    }

    /**
     * Refuses a CSV export that would have more rows than {@code asylum.reports.csv-max-rows}, before any
     * byte of it is sent (the export is streamed, so it cannot fail with a problem once it has begun).
     */
    @Transactional
    public void checkExportSize(OverdueFilter requested) {
        long rows = queries.count(organization.id(), scoped(requested));
        if (rows > config.csvMaxRows()) {
            throw new DomainRuleException(
                    EXPORT_TOO_LARGE,
                    "The export would have " + rows + " rows, more than the "
                            + config.csvMaxRows()
                            + " one export may have. Narrow it with the code, severity, caseworker or "
                            + "venue filters, or page through the JSON report (Accept: application/json, ?page=0&size=200).");
        }
    }

    /**
     * Every matching row in report order for the CSV export, read from a database cursor and handed on one
     * by one (never all held at once), at most {@code asylum.reports.csv-max-rows} of them.
     */
    @Transactional
    public void each(OverdueFilter requested, Consumer<OverdueRow> consumer) {
        queries.each(organization.id(), scoped(requested), config.csvMaxRows(), consumer);
    }

    @Transactional
    public Summary summary(OverdueFilter requested) {
        OverdueFilter filter = scoped(requested);
        Map<String, Long> byCode = new LinkedHashMap<>();
        Map<String, Long> bySeverity = new LinkedHashMap<>();
        for (AlertCode code : AlertCode.values()) {
            byCode.put(code.name(), 0L);
        }
        for (Severity severity : Severity.values()) {
            bySeverity.put(severity.name(), 0L);
        }
        Map<String, Long> byCaseworker = new TreeMap<>();
        Map<String, Long> aging = new LinkedHashMap<>();
        for (String bucket : List.of("0-30", "31-60", "61-90", "90+")) {
            aging.put(bucket, 0L);
        }
        long total = 0;
        for (Object[] cell : queries.summaryCube(organization.id(), filter)) {
            long count = ((Number) cell[4]).longValue();
            total += count;
            byCode.merge((String) cell[0], count, Long::sum);
            bySeverity.merge(Severity.values()[((Number) cell[1]).intValue()].name(), count, Long::sum);
            byCaseworker.merge(cell[2] == null ? UNASSIGNED : (String) cell[2], count, Long::sum);
            aging.merge((String) cell[3], count, Long::sum);
        }
        return new Summary(filter.asOf(), total, byCode, bySeverity, byCaseworker, aging);
    }

    /**
     * Case workers without a reporting role see their own clients only: the clients they own by token subject,
     * so a rename in Keycloak does not take their clients away.
     */
    private OverdueFilter scoped(OverdueFilter filter) {
        LocalDate today = today();
        LocalDate asOf = filter.asOf() != null ? filter.asOf() : today;
        int years = config.asOfMaxYears();
        if (asOf.isBefore(today.minusYears(years)) || asOf.isAfter(today.plusYears(years))) {
            throw InvalidInputException.of("asOf", "must lie within " + years + " years of today (" + today + ")");
        }
        String caseworker = filter.caseworker();
        boolean reporting = caller.hasRole(Roles.SUPERVISOR) || caller.hasRole(Roles.REPORTS);
        if (!reporting) {
            if (caseworker != null && !caseworker.equals(caller.username())) {
                throw new AccessDeniedException("Case workers can pull the overdue list for their own clients only.");
            }
            if (caller.subject() != null) {
                // the first request under a new name records it, and claims clients assigned to that name
                accounts.recognize(caller);
                return new OverdueFilter(
                        asOf, filter.code(), filter.severity(), null, filter.venue(), caller.subject());
            }
            caseworker = caller.username();
        }
        return new OverdueFilter(asOf, filter.code(), filter.severity(), caseworker, filter.venue());
    }
}
