package org.asylumcasetracker.client;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Clients, always looked up within one organization. */
@ApplicationScoped
public class ClientRepository implements PanacheRepositoryBase<Client, UUID> {

    public Optional<Client> findInOrganization(String organizationId, UUID id) {
        return find("id = ?1 and organizationId = ?2", id, organizationId).firstResultOptional();
    }

    public Optional<Client> findByExternalRef(String organizationId, String externalRef) {
        return find("organizationId = ?1 and externalRef = ?2", organizationId, externalRef)
                .firstResultOptional();
    }

    public long countInOrganization(String organizationId, Collection<UUID> ids) {
        return count("organizationId = ?1 and id in ?2", organizationId, ids);
    }

    /**
     * Matches {@code q} against names (any part, any case), the external reference and the A-Number;
     * {@code aNumber} is {@code q} normalised, when it reads as one.
     */
    public PanacheQuery<Client> search(String organizationId, String q, String aNumber, String caseworker) {
        StringBuilder where = new StringBuilder("organizationId = :org");
        Parameters params = Parameters.with("org", organizationId);
        if (q != null && !q.isBlank()) {
            where.append(
                    " and (lower(concat(firstName, ' ', lastName)) like :q or lower(concat(lastName, ' ', firstName)) like :q"
                            + " or externalRef = :exact");
            params.and("q", "%" + escapeLike(q.trim().toLowerCase(java.util.Locale.ROOT)) + "%")
                    .and("exact", q.trim());
            if (aNumber != null) {
                where.append(" or aNumber = :aNumber");
                params.and("aNumber", aNumber);
            }
            where.append(')');
        }
        if (caseworker != null && !caseworker.isBlank()) {
            where.append(" and caseworker = :caseworker");
            params.and("caseworker", caseworker);
        }
        return find(where.toString(), Sort.by("lastName").and("firstName").and("id"), params);
    }

    public List<Client> byIds(String organizationId, Collection<UUID> ids) {
        return list("organizationId = ?1 and id in ?2", organizationId, ids);
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
