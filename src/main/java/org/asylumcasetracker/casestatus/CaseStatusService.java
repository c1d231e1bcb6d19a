package org.asylumcasetracker.casestatus;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.asylumcasetracker.casestatus.SuggestionAcceptance.Resolution;
import org.asylumcasetracker.filing.ContactChannel;
import org.asylumcasetracker.filing.EventType;
import org.asylumcasetracker.filing.Filing;
import org.asylumcasetracker.filing.FilingService;
import org.asylumcasetracker.filing.Outcome;
import org.asylumcasetracker.organization.CurrentOrganization;
import org.asylumcasetracker.platform.Text;
import org.asylumcasetracker.platform.api.PageResponse;
import org.asylumcasetracker.platform.problem.ConflictException;
import org.asylumcasetracker.platform.problem.InvalidInputException;
import org.asylumcasetracker.platform.problem.ResourceNotFoundException;
import org.asylumcasetracker.platform.security.Caller;

/**
 * Reads a filing's case status history and suggestions, and lets a case worker accept a suggestion (which
 * records the event it proposes, as that case worker) or dismiss it. Always within the caller's
 * organization: another organization's filing or suggestion is not found.
 */
@ApplicationScoped
public class CaseStatusService {

    static final String NOT_RECEIVED_NOTE =
            "USCIS case status says a biometrics appointment notice was sent;" + " it has not arrived.";

    private static final String SUGGESTION_COLUMNS = """
            s.id, s.filing_id, s.client_id, s.receipt_number, s.kind, s.event_type, s.outcome, s.occurred_on, s.state,
            o.status_text, o.status_description, o.observed_at, s.event_id, s.decided_by, s.decided_at, s.created_at""";

    private final EntityManager em;
    private final FilingService filings;
    private final SuggestedEventRecorder events;
    private final CurrentOrganization organization;
    private final Caller caller;
    private final Clock clock;

    @Inject
    public CaseStatusService(
            EntityManager em,
            FilingService filings,
            SuggestedEventRecorder events,
            CurrentOrganization organization,
            Caller caller,
            Clock clock) {
        this.em = em;
        this.filings = filings;
        this.events = events;
        this.organization = organization;
        this.caller = caller;
        this.clock = clock;
    }

    /** The outcome of an acceptance: the suggestion now, and the event it recorded with its filing. */
    public record Accepted(Suggestion suggestion, FilingService.Recorded recorded) {}

    /** Every receipt number of the filing that is or was checked, with its history. */
    public List<ReceiptStatus> statusOf(UUID filingId) {
        Filing filing = filings.get(filingId);
        Map<String, ReceiptStatus> receipts = new LinkedHashMap<>();
        List<?> checks = em.createNativeQuery("""
                select receipt_number, client_id, last_checked_at, last_outcome, next_check_at from case_status_check
                where organization_id = :org and filing_id = :filing order by receipt_number""")
                .setParameter("org", organization.id())
                .setParameter("filing", filing.getId())
                .getResultList();
        for (Object row : checks) {
            Object[] c = (Object[]) row;
            receipts.put(
                    (String) c[0],
                    new ReceiptStatus(
                            (String) c[0], (UUID) c[1], time(c[2]), (String) c[3], time(c[4]), new ArrayList<>()));
        }
        List<?> observations = em.createNativeQuery("""
                select receipt_number, client_id, observed_at, status_text, status_description, form_type, modified_on
                from case_status_observation where organization_id = :org and filing_id = :filing
                order by observed_at, id""")
                .setParameter("org", organization.id())
                .setParameter("filing", filing.getId())
                .getResultList();
        for (Object row : observations) {
            Object[] o = (Object[]) row;
            ReceiptStatus receipt = receipts.computeIfAbsent(
                    (String) o[0],
                    number -> new ReceiptStatus(number, (UUID) o[1], null, null, null, new ArrayList<>()));
            receipt.history()
                    .add(new ReceiptStatus.Observation(
                            time(o[2]),
                            (String) o[3],
                            (String) o[4],
                            (String) o[5],
                            o[6] == null ? null : CaseStatusRecorder.toLocalDate(o[6])));
        }
        return List.copyOf(receipts.values());
    }

    public PageResponse<Suggestion> suggestions(UUID filingId, Suggestion.State state, int page, int size) {
        Filing filing = filings.get(filingId);
        String where = " where s.organization_id = :org and s.filing_id = :filing"
                + (state == null ? "" : " and s.state = :state");
        var list = em.createNativeQuery("select " + SUGGESTION_COLUMNS + " from case_status_suggestion s"
                        + " join case_status_observation o on o.id = s.observation_id" + where
                        + " order by s.created_at desc, s.id")
                .setParameter("org", organization.id())
                .setParameter("filing", filing.getId())
                .setFirstResult(page * size)
                .setMaxResults(size);
        var count = em.createNativeQuery("select count(*) from case_status_suggestion s" + where)
                .setParameter("org", organization.id())
                .setParameter("filing", filing.getId());
        if (state != null) {
            list.setParameter("state", state.name());
            count.setParameter("state", state.name());
        }
        List<Suggestion> items =
                list.getResultList().stream().map(CaseStatusService::suggestion).toList();
        return new PageResponse<>(items, page, size, ((Number) count.getSingleResult()).longValue());
    }

    public Suggestion suggestion(UUID filingId, UUID suggestionId) {
        Filing filing = filings.get(filingId);
        return find(filing.getId(), suggestionId, false);
    }

    /**
     * Records the proposed event as the caller and marks the suggestion accepted, in one transaction: when
     * the event is refused (not allowed in the stage now: 409; a missing field: 400), nothing changes.
     */
    @Transactional
    public Accepted accept(UUID filingId, UUID suggestionId, SuggestionAcceptance request) {
        Filing filing = filings.get(filingId);
        Suggestion suggestion = requireOpen(find(filing.getId(), suggestionId, true));
        SuggestionAcceptance r = request == null ? SuggestionAcceptance.empty() : request;
        ProposedEvent event;
        if (r.resolution() == Resolution.NOTICE_SENT_NOT_RECEIVED) {
            if (suggestion.kind() != SuggestionKind.BIOMETRICS_NOTICE_SENT) {
                throw InvalidInputException.of(
                        "resolution", "NOTICE_SENT_NOT_RECEIVED applies to biometrics notices only");
            }
            String note = Text.blankToNull(r.note()) == null
                    ? NOT_RECEIVED_NOTE
                    : NOT_RECEIVED_NOTE + " " + r.note().strip();
            event = new ProposedEvent(
                    EventType.CONTACT_LOGGED,
                    dayOf(suggestion, r),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    ContactChannel.ONLINE_ACCOUNT,
                    note,
                    null);
        } else {
            event = new ProposedEvent(
                    suggestion.eventType(),
                    dayOf(suggestion, r),
                    suggestion.eventType() == EventType.RECEIPT_RECEIVED ? suggestion.receiptNumber() : null,
                    r.appointmentAt(),
                    r.location(),
                    r.deliveredVia(),
                    r.via(),
                    r.requestedAt(),
                    r.reason(),
                    r.stampedNoticeKept(),
                    null,
                    null,
                    suggestion.outcome());
        }
        FilingService.Recorded recorded = events.record(filing.getId(), event);
        decide(suggestion, Suggestion.State.ACCEPTED, recorded.event().getId());
        return new Accepted(find(filing.getId(), suggestionId, false), recorded);
    }

    @Transactional
    public Suggestion dismiss(UUID filingId, UUID suggestionId) {
        Filing filing = filings.get(filingId);
        Suggestion suggestion = requireOpen(find(filing.getId(), suggestionId, true));
        decide(suggestion, Suggestion.State.DISMISSED, null);
        return find(filing.getId(), suggestionId, false);
    }

    private static java.time.LocalDate dayOf(Suggestion suggestion, SuggestionAcceptance r) {
        return r.occurredOn() == null ? suggestion.occurredOn() : r.occurredOn();
    }

    private void decide(Suggestion suggestion, Suggestion.State state, UUID eventId) {
        em.createNativeQuery("""
                update case_status_suggestion set state = :state, event_id = :event, decided_by = :by,
                    decided_by_subject = :bySubject, decided_at = :at,
                    version = version + 1
                where id = :id and state = 'OPEN'""")
                .unwrap(org.hibernate.query.NativeQuery.class)
                .setParameter("state", state.name())
                .setParameter("event", eventId, UUID.class)
                .setParameter("by", caller.username())
                .setParameter("bySubject", caller.subject())
                .setParameter("at", OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS))
                .setParameter("id", suggestion.id())
                .executeUpdate();
    }

    private static Suggestion requireOpen(Suggestion suggestion) {
        if (suggestion.state() != Suggestion.State.OPEN) {
            throw new ConflictException(
                    "This suggestion is " + suggestion.state() + "; only an OPEN one can be decided.");
        }
        return suggestion;
    }

    private Suggestion find(UUID filingId, UUID suggestionId, boolean lock) {
        List<?> rows = em.createNativeQuery("select " + SUGGESTION_COLUMNS + " from case_status_suggestion s"
                        + " join case_status_observation o on o.id = s.observation_id"
                        + " where s.organization_id = :org and s.filing_id = :filing and s.id = :id"
                        + (lock ? " for update of s" : ""))
                .setParameter("org", organization.id())
                .setParameter("filing", filingId)
                .setParameter("id", suggestionId)
                .getResultList();
        if (rows.isEmpty()) {
            throw new ResourceNotFoundException("Suggestion", suggestionId);
        }
        return suggestion(rows.get(0));
    }

    private static Suggestion suggestion(Object row) {
        Object[] s = (Object[]) row;
        return new Suggestion(
                (UUID) s[0],
                (UUID) s[1],
                (UUID) s[2],
                (String) s[3],
                SuggestionKind.valueOf((String) s[4]),
                EventType.valueOf((String) s[5]),
                s[6] == null ? null : Outcome.valueOf((String) s[6]),
                CaseStatusRecorder.toLocalDate(s[7]),
                Suggestion.State.valueOf((String) s[8]),
                (String) s[9],
                (String) s[10],
                time(s[11]),
                (UUID) s[12],
                (String) s[13],
                time(s[14]),
                time(s[15]));
    }

    private static OffsetDateTime time(Object value) {
        return value == null
                ? null
                : OffsetDateTime.ofInstant(CaseStatusChecks.toInstant(value), java.time.ZoneOffset.UTC);
    }
}
