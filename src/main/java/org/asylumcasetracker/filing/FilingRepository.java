package org.asylumcasetracker.filing;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.asylumcasetracker.client.PrimaryIdLookup;
import org.hibernate.jpa.HibernateHints;

/** Filings, always looked up within one organization. */
@ApplicationScoped
public class FilingRepository implements PanacheRepositoryBase<Filing, UUID> {

    public Optional<Filing> findInOrganization(String organizationId, UUID id) {
        return find("id = ?1 and organizationId = ?2", id, organizationId).firstResultOptional();
    }

    /**
     * The filing and, for everyone on it, whether they hold a passport or government ID, in one statement: a filing
     * view needs both, and a round trip for the clients would cost a third of a GET's database time. The filing
     * is read only: for showing; a change made to it would not be written.
     */
    public Optional<FilingForView> findForView(String organizationId, UUID id) {
        return forView(organizationId, id, LockModeType.NONE, true);
    }

    /**
     * As {@link #findForView}, holding the filing's row lock until commit: events on one filing apply one at
     * a time. Only the filing is locked; the clients' documents are read as they are.
     */
    public Optional<FilingForView> lockForView(String organizationId, UUID id, LockModeType mode) {
        return forView(organizationId, id, mode, false);
    }

    /**
     * {@code readOnly}: the filing is only shown, never changed, so Hibernate keeps no copy of its loaded state to
     * compare at flush.
     */
    private Optional<FilingForView> forView(String organizationId, UUID id, LockModeType mode, boolean readOnly) {
        return getEntityManager()
                .createQuery(
                        "select f, (select listagg(concat(cast(d.clientId as String), '=', d.identityDocuments), ';')"
                                + " from PersonDocuments d where d.filingId = f.id)"
                                + " from Filing f where f.id = :id and f.organizationId = :org",
                        Object[].class)
                .setParameter("id", id)
                .setParameter("org", organizationId)
                .setLockMode(mode)
                .setHint(HibernateHints.HINT_READ_ONLY, readOnly)
                .getResultList() // one row at most; a stream would scroll a cursor, which costs more
                .stream()
                .findFirst()
                .map(row -> new FilingForView((Filing) row[0], PrimaryIdLookup.fromPairs((String) row[1])));
    }

    /** A filing as read for its view, with who on it holds a passport or government ID (by client; absent: no). */
    public record FilingForView(Filing filing, Map<UUID, Boolean> hasPrimaryId) {}

    public Optional<Filing> findByExternalRef(String organizationId, String externalRef) {
        return find("organizationId = ?1 and externalRef = ?2", organizationId, externalRef)
                .firstResultOptional();
    }

    public PanacheQuery<Filing> search(
            String organizationId, Stage stage, Venue venue, UUID clientId, String caseworker) {
        StringBuilder where = new StringBuilder("organizationId = :org");
        Parameters params = Parameters.with("org", organizationId);
        if (stage != null) {
            where.append(" and progress.stage = :stage");
            params.and("stage", stage);
        }
        if (venue != null) {
            where.append(" and venue = :venue");
            params.and("venue", venue);
        }
        if (clientId != null) {
            where.append(" and clientId = :clientId");
            params.and("clientId", clientId);
        }
        if (caseworker != null && !caseworker.isBlank()) {
            where.append(
                    " and clientId in (select c.id from Client c where c.organizationId = :org and c.caseworker = :caseworker)");
            params.and("caseworker", caseworker);
        }
        return find(where.toString(), Sort.by("filedOn").descending().and("id"), params);
    }
}
