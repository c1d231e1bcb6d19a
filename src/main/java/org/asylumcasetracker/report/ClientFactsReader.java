package org.asylumcasetracker.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.asylumcasetracker.alert.ClientFacts;
import org.asylumcasetracker.client.OneYearDeadline;
import org.asylumcasetracker.client.OneYearDeadlineException;
import org.asylumcasetracker.platform.persistence.SqlValues;

/**
 * Reads the {@link ClientFacts} of clients in one query: the last arrival, a recorded exception, the filing date of
 * the earliest open filing (and open court filing) each client is on, as principal or as a family member, the day of
 * the last move and when each form reporting it was recorded as sent.
 */
@ApplicationScoped
public class ClientFactsReader {

    /** The filing date of the earliest open filing the client is on, as principal or family member. */
    private static final String OPEN_FILINGS_SINCE = " (select min(f.filed_on) from filing_person p"
            + " join filing f on f.id = p.filing_id where p.client_id = c.id"
            + " and p.organization_id = c.organization_id and f.stage <> 'CLOSED'";

    /** The first day on or after the move that a form (the last operand) was recorded as sent for the client. */
    private static final String REPORTED_ON = " (select min(e.occurred_on) from filing_event e"
            + " where e.address_client_id = c.id and e.organization_id = c.organization_id and e.retracted_at is null"
            + " and e.occurred_on >= c.moved_on and e.address_form = ";

    private final EntityManager em;

    @Inject
    public ClientFactsReader(EntityManager em) {
        this.em = em;
    }

    public Map<UUID, ClientFacts> read(Collection<UUID> clientIds) {
        Map<UUID, ClientFacts> facts = new HashMap<>();
        if (clientIds.isEmpty()) {
            return facts;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select c.id, c.last_arrival_on, c.one_year_deadline_exception,"
                        + OPEN_FILINGS_SINCE + ")," + OPEN_FILINGS_SINCE + " and f.venue = 'IMMIGRATION_COURT'),"
                        + " c.moved_on," + REPORTED_ON + "'AR_11')," + REPORTED_ON + "'EOIR_33')"
                        + " from client c where c.id in (:ids)")
                .setParameter("ids", clientIds)
                .getResultList();
        for (Object[] row : rows) {
            UUID id = (UUID) row[0];
            facts.put(
                    id,
                    new ClientFacts(
                            id,
                            OneYearDeadline.after(SqlValues.toLocalDate(row[1])).orElse(null),
                            row[2] == null ? null : OneYearDeadlineException.valueOf((String) row[2]),
                            SqlValues.toLocalDate(row[3]),
                            SqlValues.toLocalDate(row[4]),
                            SqlValues.toLocalDate(row[5]),
                            SqlValues.toLocalDate(row[6]),
                            SqlValues.toLocalDate(row[7])));
        }
        return facts;
    }

    public ClientFacts read(UUID clientId) {
        return read(List.of(clientId)).get(clientId);
    }
}
