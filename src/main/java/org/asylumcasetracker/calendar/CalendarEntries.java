package org.asylumcasetracker.calendar;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.asylumcasetracker.alert.AddressChangeRule;
import org.asylumcasetracker.client.OneYearDeadline;
import org.asylumcasetracker.filing.AddressForm;
import org.asylumcasetracker.filing.AlertCode;
import org.asylumcasetracker.platform.persistence.SqlValues;

/**
 * Reads what a feed shows, from {@code since} on, for the organization or one case worker's clients: the biometrics
 * appointments of everyone on an open filing who has one scheduled (each family member their own), the hearings of
 * open filings as they stand (a continuance replaces the earlier date; a severed member's hearings are theirs), and
 * the deadlines of people: the one-year deadline of someone on no open filing, and the last day to report a move
 * not reported yet. Names are read only to make initials; they leave this class as initials alone.
 */
@ApplicationScoped
public class CalendarEntries {

    private static final String PRINCIPALS_APPOINTMENTS = """
            select f.id, c.first_name, c.last_name, f.appointment_at, f.appointment_location
            from filing f join client c on c.id = f.client_id
            where f.organization_id = :org and f.principal_stage = 'BIOMETRICS_SCHEDULED'
                and f.appointment_at >= :since%s""";
    /** Family members' progress is a JSON array on the filing; their appointments keep their offsets there. */
    private static final String MEMBERS_APPOINTMENTS = """
            select f.id, m.id, m.first_name, m.last_name, p ->> 'appointmentAt', p ->> 'appointmentLocation'
            from filing f cross join lateral json_array_elements(f.members::json) p
                join client m on m.id = (p ->> 'clientId')::uuid
                join client c on c.id = f.client_id
            where f.organization_id = :org and f.members <> '[]' and p ->> 'stage' = 'BIOMETRICS_SCHEDULED'
                and (p ->> 'appointmentAt')::timestamptz >= :since%s""";

    private static final String HEARINGS = """
            select f.id, h ->> 'kind', h ->> 'at', f.court_name, c.first_name, c.last_name, s.id, s.first_name,
                s.last_name
            from filing f cross join lateral json_array_elements(f.hearings::json) h
                join client c on c.id = f.client_id
                left join client s on s.id = (h -> 'clientIds' ->> 0)::uuid
            where f.organization_id = :org and f.stage <> 'CLOSED' and f.hearings <> '[]'
                and (h ->> 'at')::timestamptz >= :since%s""";
    /**
     * People's own deadlines, from their stored alert windows: a one-year deadline approaches while the person is on
     * no open filing, and a move stays unreported while its window has no end.
     */
    private static final String DEADLINES = """
            select c.id, c.first_name, c.last_name, c.last_arrival_on, w.code, w.due_on, w.ends_on, w.duty
            from alert_window w join client c on c.id = w.client_id
            where w.organization_id = :org and w.filing_id is null
                and ((w.code = 'ONE_YEAR_DEADLINE_APPROACHING' and w.ends_on >= cast(:since as date))
                    or (w.code = 'ADDRESS_CHANGE_NOT_REPORTED' and w.ends_on is null))%s""";

    private static final String BY_CASEWORKER = " and c.caseworker = :caseworker";
    /** The newest change of the organization: every write of a client, filing or event adds one. */
    private static final String LAST_CHANGE = """
            select coalesce(max(id), 0) from (select id from change_feed where organization_id = :org
                order by txid desc, id desc limit 1) last""";

    private final EntityManager em;

    @Inject
    public CalendarEntries(EntityManager em) {
        this.em = em;
    }

    public List<CalendarEntry> of(String organizationId, String caseworker, OffsetDateTime since) {
        List<CalendarEntry> entries = new ArrayList<>();
        for (Object[] c : query(PRINCIPALS_APPOINTMENTS, organizationId, caseworker, since)) {
            entries.add(CalendarEntry.at(
                    CalendarEntry.Kind.BIOMETRICS_APPOINTMENT,
                    (UUID) c[0],
                    null,
                    initials((String) c[1], (String) c[2]),
                    toOffset(c[3]),
                    (String) c[4]));
        }
        for (Object[] c : query(MEMBERS_APPOINTMENTS, organizationId, caseworker, since)) {
            entries.add(CalendarEntry.at(
                    CalendarEntry.Kind.BIOMETRICS_APPOINTMENT,
                    (UUID) c[0],
                    (UUID) c[1],
                    initials((String) c[2], (String) c[3]),
                    OffsetDateTime.parse((String) c[4]),
                    (String) c[5]));
        }
        for (Object[] c : query(HEARINGS, organizationId, caseworker, since)) {
            CalendarEntry.Kind kind = "INDIVIDUAL".equals(c[1])
                    ? CalendarEntry.Kind.INDIVIDUAL_HEARING
                    : CalendarEntry.Kind.MASTER_CALENDAR_HEARING;
            boolean severed = c[6] != null;
            entries.add(CalendarEntry.at(
                    kind,
                    (UUID) c[0],
                    severed ? (UUID) c[6] : null,
                    severed ? initials((String) c[7], (String) c[8]) : initials((String) c[4], (String) c[5]),
                    OffsetDateTime.parse((String) c[2]),
                    (String) c[3]));
        }
        LocalDate firstDay = since.toLocalDate();
        for (Object[] c : query(DEADLINES, organizationId, caseworker, since)) {
            deadline(c, firstDay).ifPresent(entries::add);
        }
        entries.sort(Comparator.comparing(CalendarEntry::start)
                .thenComparing(CalendarEntry::kind)
                .thenComparing(e -> String.valueOf(e.filingId()))
                .thenComparing(e -> String.valueOf(e.clientId())));
        return entries;
    }

    private static Optional<CalendarEntry> deadline(Object[] c, LocalDate firstDay) {
        UUID person = (UUID) c[0];
        String initials = initials((String) c[1], (String) c[2]);
        if (AlertCode.ONE_YEAR_DEADLINE_APPROACHING.name().equals(c[4])) {
            // the window runs up to the deadline unless the person is on an open filing by then
            LocalDate endsOn = SqlValues.toLocalDate(c[6]);
            return OneYearDeadline.after(SqlValues.toLocalDate(c[3]))
                    .filter(deadline -> deadline.equals(endsOn))
                    .map(deadline -> CalendarEntry.deadline(
                            CalendarEntry.Kind.ONE_YEAR_DEADLINE, null, person, initials, deadline));
        }
        AddressForm form = AddressForm.valueOf((String) c[7]);
        LocalDate deadline = AddressChangeRule.deadlineOn(SqlValues.toLocalDate(c[5]), form);
        if (deadline.isBefore(firstDay)) {
            return Optional.empty();
        }
        return Optional.of(CalendarEntry.deadline(
                form == AddressForm.AR_11 ? CalendarEntry.Kind.AR_11_DEADLINE : CalendarEntry.Kind.EOIR_33_DEADLINE,
                null,
                person,
                initials,
                deadline));
    }

    /** A number that changes whenever anything a feed of the organization shows may have changed. */
    public long dataVersion(String organizationId) {
        return ((Number) em.createNativeQuery(LAST_CHANGE)
                        .setParameter("org", organizationId)
                        .getSingleResult())
                .longValue();
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> query(String sql, String organizationId, String caseworker, OffsetDateTime since) {
        Query query = em.createNativeQuery(sql.formatted(caseworker == null ? "" : BY_CASEWORKER))
                .setParameter("org", organizationId)
                .setParameter("since", since);
        if (caseworker != null) {
            query.setParameter("caseworker", caseworker);
        }
        return query.getResultList();
    }

    /** "Amina Haddad" gives "A.H."; letters only, so nothing else of the name shows. */
    static String initials(String firstName, String lastName) {
        return initial(firstName) + initial(lastName);
    }

    private static String initial(String name) {
        if (name == null) {
            return "";
        }
        OptionalInt first = name.codePoints().filter(Character::isLetter).findFirst();
        return first.isPresent() ? new String(Character.toChars(Character.toUpperCase(first.getAsInt()))) + "." : "";
    }

    private static OffsetDateTime toOffset(Object value) {
        if (value instanceof OffsetDateTime odt) {
            return odt;
        }
        if (value instanceof java.time.Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        return ((java.sql.Timestamp) value).toInstant().atOffset(ZoneOffset.UTC);
    }
}
