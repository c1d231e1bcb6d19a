package org.asylumcasetracker.calendar;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * Reads what a feed shows: the biometrics appointments and the latest hearing of each kind (a continuance
 * replaces the earlier date) of open filings, from {@code since} on, for the organization or one case worker's
 * clients. Names are read only to make initials; they leave this class as initials alone.
 */
@ApplicationScoped
public class CalendarEntries {

    private static final String APPOINTMENTS = """
            select f.id, c.first_name, c.last_name, f.appointment_at, f.appointment_location
            from filing f join client c on c.id = f.client_id
            where f.organization_id = :org and f.stage <> 'CLOSED' and f.appointment_at >= :since""";
    private static final String HEARINGS = """
            select * from (
                select distinct on (e.filing_id, e.hearing_kind) e.filing_id, c.first_name, c.last_name, e.hearing_at,
                    e.hearing_kind, f.court_name
                from filing_event e join filing f on f.id = e.filing_id join client c on c.id = f.client_id
                where e.organization_id = :org and e.type = 'HEARING_SCHEDULED' and e.retracted_at is null
                    and f.stage <> 'CLOSED'%s
                order by e.filing_id, e.hearing_kind, e.sequence desc) latest
            where hearing_at >= :since""";
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
        for (Object row :
                query(APPOINTMENTS + (caseworker == null ? "" : BY_CASEWORKER), organizationId, caseworker, since)) {
            Object[] c = (Object[]) row;
            entries.add(new CalendarEntry(
                    CalendarEntry.Kind.BIOMETRICS_APPOINTMENT,
                    (UUID) c[0],
                    initials((String) c[1], (String) c[2]),
                    toOffset(c[3]),
                    (String) c[4]));
        }
        for (Object row :
                query(HEARINGS.formatted(caseworker == null ? "" : BY_CASEWORKER), organizationId, caseworker, since)) {
            Object[] c = (Object[]) row;
            CalendarEntry.Kind kind = "INDIVIDUAL".equals(c[4])
                    ? CalendarEntry.Kind.INDIVIDUAL_HEARING
                    : CalendarEntry.Kind.MASTER_CALENDAR_HEARING;
            entries.add(new CalendarEntry(
                    kind, (UUID) c[0], initials((String) c[1], (String) c[2]), toOffset(c[3]), (String) c[5]));
        }
        entries.sort(Comparator.comparing(CalendarEntry::at)
                .thenComparing(CalendarEntry::filingId)
                .thenComparing(CalendarEntry::kind));
        return entries;
    }

    /** A number that changes whenever anything a feed of the organization shows may have changed. */
    public long dataVersion(String organizationId) {
        return ((Number) em.createNativeQuery(LAST_CHANGE)
                        .setParameter("org", organizationId)
                        .getSingleResult())
                .longValue();
    }

    private List<?> query(String sql, String organizationId, String caseworker, OffsetDateTime since) {
        Query query =
                em.createNativeQuery(sql).setParameter("org", organizationId).setParameter("since", since);
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
