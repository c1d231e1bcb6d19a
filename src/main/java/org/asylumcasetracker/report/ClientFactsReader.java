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
 * Reads the {@link ClientFacts} of clients in one query: the last arrival, a recorded exception, and the filing
 * date of the earliest open filing each client is on, as principal or as a family member.
 */
@ApplicationScoped
public class ClientFactsReader {

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
                        + " (select min(f.filed_on) from filing f where f.organization_id = c.organization_id"
                        + " and f.stage <> 'CLOSED' and (f.client_id = c.id"
                        + " or string_to_array(f.family_member_ids, ',') @> array[cast(c.id as text)]))"
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
                            SqlValues.toLocalDate(row[3])));
        }
        return facts;
    }

    public ClientFacts read(UUID clientId) {
        return read(List.of(clientId)).get(clientId);
    }
}
