package org.asylumcasetracker.calendar;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class CalendarFeedRepository implements PanacheRepositoryBase<CalendarFeed, UUID> {

    public Optional<CalendarFeed> findActive(String organizationId, UUID id) {
        return find("id = ?1 and organizationId = ?2 and revokedAt is null", id, organizationId)
                .firstResultOptional();
    }

    public Optional<CalendarFeed> findActiveByToken(String tokenSha256) {
        return find("tokenSha256 = ?1 and revokedAt is null", tokenSha256).firstResultOptional();
    }

    /** The organization's feeds, or those one user created. */
    public PanacheQuery<CalendarFeed> active(String organizationId, String createdBy) {
        Sort order = Sort.by("createdAt").and("id");
        return createdBy == null
                ? find("organizationId = ?1 and revokedAt is null", order, organizationId)
                : find(
                        "organizationId = ?1 and revokedAt is null and createdBy = ?2",
                        order,
                        organizationId,
                        createdBy);
    }
}
