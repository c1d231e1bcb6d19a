package org.asylumcasetracker.report;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.asylumcasetracker.alert.AlertHistory;
import org.asylumcasetracker.alert.AlertHistory.PersonWindow;
import org.asylumcasetracker.alert.AlertWindow;
import org.asylumcasetracker.alert.ClientAlertRules;
import org.asylumcasetracker.alert.ClientFacts;
import org.asylumcasetracker.client.ClientChanged;
import org.asylumcasetracker.client.PrimaryIdLookup;
import org.asylumcasetracker.filing.Filing;
import org.asylumcasetracker.filing.FilingChanged;
import org.asylumcasetracker.filing.FilingEvent;
import org.asylumcasetracker.filing.FilingEventRepository;
import org.asylumcasetracker.filing.FilingRepository;
import org.asylumcasetracker.filing.Stage;
import org.asylumcasetracker.organization.Organization;
import org.asylumcasetracker.organization.OrganizationRepository;
import org.asylumcasetracker.platform.persistence.SqlValues;
import org.asylumcasetracker.platform.security.AccountNamed;

/**
 * Keeps the stored alert windows equal to what the alert rules derive from each filing's current facts.
 * It listens, inside the writing transaction, to every change that can move a window: a filing or its
 * timeline, the client's identity documents. A change of the organization's settings is followed in the
 * background ({@link AlertRecomputeJob}).
 */
@ApplicationScoped
public class AlertWindowStore {

    /**
     * Filings or clients per recomputation batch. What a batch reads stays live until it is written, and each young
     * collection meanwhile copies it while every request of every clinic waits. On the benchmark machine, while a
     * recomputation ran, batches of 500 filings made those pauses 8-11 ms at the median and up to 23 ms; batches
     * of 100 made them 4-5 ms, near what the service pauses without it.
     */
    private static final int BATCH = 100;

    private static final String INSERT = "insert into alert_window (filing_id, code, organization_id, client_id,"
            + " severity_rank, due_on, raised_on, ends_on, venue, caseworker, duty)"
            + " select v.filing_id, v.code, v.organization_id, v.client_id, v.severity_rank, v.due_on, v.raised_on,"
            + " v.ends_on, v.venue, c.caseworker, v.duty from (values %s) as v (filing_id, code, organization_id,"
            + " client_id, severity_rank, due_on, raised_on, ends_on, venue, duty)"
            + " left join client c on c.id = v.client_id";
    /** One row's values, typed: in a VALUES list the target columns do not tell PostgreSQL a parameter's type. */
    private static final String ROW = "(cast(?%d as uuid), cast(?%d as varchar), cast(?%d as varchar), cast(?%d as"
            + " uuid), cast(?%d as smallint), cast(?%d as date), cast(?%d as date), cast(?%d as date), cast(?%d as"
            + " varchar), cast(?%d as varchar))";

    private static final String DELETE = "delete from alert_window where filing_id = ?1"
            + " and (client_id, code, coalesce(duty, ''), raised_on) in (values %s)";
    /** A window's key, as the unique index on (filing, person, code, duty, day raised) has it. */
    private static final String KEY =
            "(cast(?%d as uuid), cast(?%d as varchar), cast(?%d as varchar), cast(?%d as date))";
    /** Rows per statement, well below the 32,767 parameters a statement may have. */
    private static final int ROWS_PER_STATEMENT = 1_000;

    private final EntityManager em;
    private final FilingRepository filings;
    private final OrganizationRepository organizations;
    private final PrimaryIdLookup primaryIds;
    private final ClientFactsReader clientFacts;
    private final FilingEventRepository events;

    @Inject
    public AlertWindowStore(
            EntityManager em,
            FilingRepository filings,
            OrganizationRepository organizations,
            PrimaryIdLookup primaryIds,
            ClientFactsReader clientFacts,
            FilingEventRepository events) {
        this.events = events;
        this.em = em;
        this.clientFacts = clientFacts;
        this.filings = filings;
        this.organizations = organizations;
        this.primaryIds = primaryIds;
    }

    void onFilingChanged(@Observes FilingChanged event) {
        if (event.movedClientId() != null) {
            // A reported (or retracted) move changes no filing fact, only the mover's own alerts.
            replaceClients(List.of(event.movedClientId()), organizations.findById(event.organizationId()));
        }
        if (!event.factsChanged()) {
            // Windows follow from the facts, the settings and the time zone; none of them moved.
            return;
        }
        Filing filing = filings.findById(event.filingId());
        Organization organization = organizations.findById(filing.getOrganizationId());
        replace(filing, events.allOf(filing.getId()), organization, primaryIds.hasPrimaryId(peopleOf(List.of(filing))));
        if (event.kind() == FilingChanged.Kind.CREATED
                || event.kind() == FilingChanged.Kind.UPDATED
                || (event.stageChanged()
                        && (event.stageBefore() == Stage.CLOSED || event.stageAfter() == Stage.CLOSED))) {
            // Whether its people are on an open filing, and since when, may have changed.
            replaceClients(peopleOf(List.of(filing)), organization);
        }
    }

    void onClientChanged(@Observes ClientChanged event) {
        Organization organization = organizations.findById(event.organizationId());
        replaceClients(List.of(event.clientId()), organization);
        // the filings the client is on, as principal or as a family member
        @SuppressWarnings("unchecked")
        List<Filing> ofClient = em.createNativeQuery(
                        "select f.* from filing f where f.organization_id = ?2 and f.id in"
                                + " (select p.filing_id from filing_person p where p.client_id = ?1)",
                        Filing.class)
                .setParameter(1, event.clientId())
                .setParameter(2, event.organizationId())
                .getResultList();
        if (ofClient.isEmpty()) {
            return;
        }
        Map<UUID, Boolean> hasPrimaryId = primaryIds.hasPrimaryId(peopleOf(ofClient));
        Map<UUID, List<FilingEvent>> timelines =
                events.allOf(ofClient.stream().map(Filing::getId).toList());
        ofClient.forEach(filing ->
                replace(filing, timelines.getOrDefault(filing.getId(), List.of()), organization, hasPrimaryId));
        // The report groups and filters by the windows' own copy of the case worker: follow a reassignment.
        em.createNativeQuery("update alert_window w set caseworker = c.caseworker from client c"
                        + " where c.id = ?1 and w.client_id = c.id and w.caseworker is distinct from c.caseworker")
                .setParameter(1, event.clientId())
                .executeUpdate();
    }

    /** Whether the event is an ADDRESS_CHANGE_REPORTED (just recorded or retracted: in the persistence context). */
    /** The windows' copy of the case worker's name follows a rename (the client's name is updated first). */
    void onAccountNamed(@Observes AccountNamed named) {
        if (named.organization() == null) {
            return;
        }
        em.createNativeQuery("update alert_window w set caseworker = c.caseworker from client c"
                        + " where c.organization_id = ?1 and c.caseworker_subject = ?2 and w.client_id = c.id"
                        + " and w.caseworker is distinct from c.caseworker")
                .setParameter(1, named.organization())
                .setParameter(2, named.subject())
                .executeUpdate();
    }

    /**
     * Recomputes one batch of the organization's filings (in id order, after {@code afterFilingId}) in a
     * transaction of its own, and returns the last filing's id, or empty when there were none left. The
     * background recomputation after a settings change calls it until the end, so that no transaction,
     * and no lock, lasts the whole organization. It changes no filing: a change made to one here would not be
     * written.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<UUID> recomputeBatch(String organizationId, UUID afterFilingId) {
        Organization organization = organizations.findById(organizationId);
        List<Filing> batch = afterFilingId == null
                ? filings.find("organizationId", Sort.by("id"), organizationId)
                        .page(0, BATCH)
                        .list()
                : filings.find("organizationId = ?1 and id > ?2", Sort.by("id"), organizationId, afterFilingId)
                        .page(0, BATCH)
                        .list();
        Map<UUID, Boolean> hasPrimaryId = primaryIds.hasPrimaryId(peopleOf(batch));
        Map<UUID, List<FilingEvent>> timelines =
                events.allOf(batch.stream().map(Filing::getId).toList());
        // The batch is only read. Left in the persistence context, its filings and events would be checked for
        // changes before each of the statements below (Hibernate flushes before a native statement): a batch
        // spent three quarters of its time there. Detached, they are not.
        Map<UUID, List<PersonWindow>> stored = batch.isEmpty()
                ? Map.of()
                : stored(batch.stream().map(Filing::getId).toList());
        em.clear();
        for (Filing filing : batch) {
            replace(
                    filing,
                    timelines.getOrDefault(filing.getId(), List.of()),
                    organization,
                    hasPrimaryId,
                    stored.getOrDefault(filing.getId(), List.of()));
        }
        return batch.isEmpty()
                ? Optional.empty()
                : Optional.of(batch.get(batch.size() - 1).getId());
    }

    /** Everyone on the filings, principals and family members. */
    private static List<UUID> peopleOf(List<Filing> ofFilings) {
        return ofFilings.stream()
                .flatMap(f -> java.util.stream.Stream.concat(
                        java.util.stream.Stream.of(f.getClientId()), f.getFamilyMemberIds().stream()))
                .distinct()
                .toList();
    }

    /**
     * Recomputes the client-level windows of one batch of the organization's clients (in id order, after {@code
     * afterClientId}) in a transaction of its own; returns the last client's id, or empty when none were left.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<UUID> recomputeClientBatch(String organizationId, UUID afterClientId) {
        Organization organization = organizations.findById(organizationId);
        @SuppressWarnings("unchecked")
        List<UUID> batch = em.createNativeQuery("select id from client where organization_id = :org"
                        + " and (cast(:after as uuid) is null or id > cast(:after as uuid)) order by id limit :limit")
                .setParameter("org", organizationId)
                .setParameter("after", afterClientId == null ? null : afterClientId.toString())
                .setParameter("limit", BATCH)
                .getResultList();
        replaceClients(batch, organization);
        return batch.isEmpty() ? Optional.empty() : Optional.of(batch.get(batch.size() - 1));
    }

    /** Replaces the client-level windows of these clients with what their facts give now. */
    public void replaceClients(Collection<UUID> clientIds, Organization organization) {
        Map<UUID, ClientFacts> facts = clientFacts.read(clientIds);
        for (ClientFacts person : facts.values()) {
            List<AlertWindow> windows = ClientAlertRules.windows(person, organization.settings());
            if (new HashSet<>(windows).equals(new HashSet<>(storedForClient(person.clientId())))) {
                continue;
            }
            em.createNativeQuery("delete from alert_window where client_id = ?1 and filing_id is null")
                    .setParameter(1, person.clientId())
                    .executeUpdate();
            // a person's own deadlines count from their due day: their facts are dates, not events
            insert(windows.stream()
                    .map(window -> new StoredWindow(
                            null, person.clientId(), organization.getId(), null, window, window.dueOn()))
                    .toList());
        }
    }

    /**
     * Replaces the filing's windows with its people's windows over its whole history ({@link AlertHistory}), so that a
     * report as of a past day reads what was raised then; unchanged windows are left alone. {@code hasPrimaryId} tells,
     * by client, who holds a passport or government ID (absent: no); {@code timeline} is the filing's events.
     */
    public void replace(
            Filing filing, List<FilingEvent> timeline, Organization organization, Map<UUID, Boolean> hasPrimaryId) {
        replace(filing, timeline, organization, hasPrimaryId, stored(filing.getId()));
    }

    /** As above, with the filing's windows as stored now, read beforehand (a batch reads all of its filings' at once). */
    private void replace(
            Filing filing,
            List<FilingEvent> timeline,
            Organization organization,
            Map<UUID, Boolean> hasPrimaryId,
            List<PersonWindow> stored) {
        List<PersonWindow> windows =
                AlertHistory.windows(filing, timeline, hasPrimaryId, organization.settings(), organization.zone());
        // Most events (a logged contact, say) move no window, and most changes move one or two of a dozen: only
        // the windows that went are deleted and only those that came are written, which spares their dead rows
        // and index entries.
        Set<PersonWindow> now = new HashSet<>(windows);
        Set<PersonWindow> before = new HashSet<>(stored);
        delete(filing.getId(), stored.stream().filter(w -> !now.contains(w)).toList());
        insert(windows.stream()
                .filter(w -> !before.contains(w))
                .map(personWindow -> new StoredWindow(
                        filing.getId(),
                        personWindow.clientId(),
                        filing.getOrganizationId(),
                        filing.getVenue().name(),
                        personWindow.window(),
                        personWindow.raisedOn()))
                .toList());
    }

    /** A window as a row of {@code alert_window}: a client-level window has no filing and no venue. */
    private record StoredWindow(
            UUID filingId,
            UUID clientId,
            String organizationId,
            String venue,
            AlertWindow window,
            LocalDate raisedOn) {}

    /**
     * Writes the windows in one statement (up to a thousand), with each person's case worker as their client row has it now. A
     * filing's history holds a dozen windows or more: one statement each was most of what a recomputation spent.
     */
    private void insert(List<StoredWindow> windows) {
        for (int from = 0; from < windows.size(); from += ROWS_PER_STATEMENT) {
            insertRows(windows.subList(from, Math.min(windows.size(), from + ROWS_PER_STATEMENT)));
        }
    }

    private void insertRows(List<StoredWindow> rows) {
        Query insert = em.createNativeQuery(String.format(INSERT, values(ROW, rows.size(), 0)));
        int parameter = 0;
        for (StoredWindow row : rows) {
            AlertWindow window = row.window();
            insert.setParameter(++parameter, row.filingId())
                    .setParameter(++parameter, window.code().name())
                    .setParameter(++parameter, row.organizationId())
                    .setParameter(++parameter, row.clientId())
                    .setParameter(++parameter, (short) window.code().severity().ordinal())
                    .setParameter(++parameter, window.dueOn())
                    .setParameter(++parameter, row.raisedOn())
                    .setParameter(++parameter, window.endsOn())
                    .setParameter(++parameter, row.venue())
                    .setParameter(++parameter, window.duty());
        }
        insert.executeUpdate();
    }

    /** Deletes these of the filing's windows, each found by its key: person, code, duty and the day it was raised. */
    private void delete(UUID filingId, List<PersonWindow> windows) {
        for (int from = 0; from < windows.size(); from += ROWS_PER_STATEMENT) {
            List<PersonWindow> rows = windows.subList(from, Math.min(windows.size(), from + ROWS_PER_STATEMENT));
            Query delete = em.createNativeQuery(String.format(DELETE, values(KEY, rows.size(), 1)))
                    .setParameter(1, filingId);
            int parameter = 1;
            for (PersonWindow row : rows) {
                delete.setParameter(++parameter, row.clientId())
                        .setParameter(++parameter, row.window().code().name())
                        .setParameter(
                                ++parameter,
                                Objects.requireNonNullElse(row.window().duty(), ""))
                        .setParameter(++parameter, row.raisedOn());
            }
            delete.executeUpdate();
        }
    }

    /** {@code rows} copies of {@code row}, a row of {@code %d} placeholders, numbered from {@code after + 1} on. */
    private static String values(String row, int rows, int after) {
        int perRow = row.split("%d", -1).length - 1;
        StringBuilder values = new StringBuilder();
        for (int index = 0; index < rows; index++) {
            Object[] numbers = new Object[perRow];
            for (int column = 0; column < perRow; column++) {
                numbers[column] = after + index * perRow + column + 1;
            }
            values.append(index == 0 ? "" : ", ").append(String.format(row, numbers));
        }
        return values.toString();
    }

    private List<PersonWindow> stored(UUID filingId) {
        return stored(List.of(filingId)).getOrDefault(filingId, List.of());
    }

    /** The stored windows of these filings, by filing (a filing without any is absent). */
    private Map<UUID, List<PersonWindow>> stored(List<UUID> filingIds) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select code, due_on, ends_on, duty, client_id, raised_on, filing_id"
                        + " from alert_window where filing_id in (?1)")
                .setParameter(1, filingIds)
                .getResultList();
        return rows.stream()
                .collect(Collectors.groupingBy(
                        r -> (UUID) r[6],
                        Collectors.mapping(
                                r -> new PersonWindow((UUID) r[4], windowOf(r), SqlValues.toLocalDate(r[5])),
                                Collectors.toList())));
    }

    private List<AlertWindow> storedForClient(UUID clientId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select code, due_on, ends_on, duty from alert_window"
                        + " where client_id = ?1 and filing_id is null")
                .setParameter(1, clientId)
                .getResultList();
        return rows.stream().map(AlertWindowStore::windowOf).toList();
    }

    private static AlertWindow windowOf(Object[] r) {
        return new AlertWindow(
                org.asylumcasetracker.filing.AlertCode.valueOf((String) r[0]),
                SqlValues.toLocalDate(r[1]),
                SqlValues.toLocalDate(r[2]),
                (String) r[3]);
    }
}
