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

    /**
     * The organization of the active feed with this token, whatever organization the current work names: the
     * database function (migration V36) is the only way past row-level security a feed's URL has.
     */
    public Optional<String> organizationOfActiveToken(String tokenSha256) {
        Object organization = getEntityManager()
                .createNativeQuery("select calendar_feed_organization(?1)")
                .setParameter(1, tokenSha256)
                .getSingleResult();
        return Optional.ofNullable((String) organization);
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
