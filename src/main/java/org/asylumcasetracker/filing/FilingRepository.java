package org.asylumcasetracker.filing;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;
import org.asylumcasetracker.client.Client;

/** Filings, always looked up within one organization. */
@ApplicationScoped
public class FilingRepository implements PanacheRepositoryBase<Filing, UUID> {

    public Optional<Filing> findInOrganization(String organizationId, UUID id) {
        return find("id = ?1 and organizationId = ?2", id, organizationId).firstResultOptional();
    }

    /**
     * The filing and its client's identity documents in one statement: a filing view needs both, and a
     * second round trip for the client would cost a third of a GET's database time.
     */
    public Optional<FilingForView> findForView(String organizationId, UUID id) {
        return lockForView(organizationId, id, LockModeType.NONE);
    }

    /**
     * As {@link #findForView}, holding the filing's row lock until commit: events on one filing apply one at
     * a time. Only the filing is locked; the client's documents are read as they are.
     */
    public Optional<FilingForView> lockForView(String organizationId, UUID id, LockModeType mode) {
        return getEntityManager()
                .createQuery(
                        "select f, (select c.identityDocuments from Client c where c.id = f.clientId)"
                                + " from Filing f where f.id = :id and f.organizationId = :org",
                        Object[].class)
                .setParameter("id", id)
                .setParameter("org", organizationId)
                .setLockMode(mode)
                .getResultList() // one row at most; a stream would scroll a cursor, which costs more
                .stream()
                .findFirst()
                .map(row -> new FilingForView((Filing) row[0], Client.anyPrimary((Collection<?>) row[1])));
    }

    /** A filing as read for its view, with whether its client holds a passport or government ID. */
    public record FilingForView(Filing filing, boolean clientHasPrimaryId) {}

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
