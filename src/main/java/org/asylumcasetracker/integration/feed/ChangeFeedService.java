package org.asylumcasetracker.integration.feed;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.asylumcasetracker.organization.CurrentOrganization;
import org.asylumcasetracker.platform.persistence.SqlValues;
import org.asylumcasetracker.platform.problem.GoneException;

/**
 * Reads the change feed of the caller's organization.
 *
 * <p>Rows are ordered by (writing transaction id, row id). A reader only returns rows written by
 * transactions older than the oldest transaction still running ({@code pg_snapshot_xmin}); every such
 * transaction has ended, so no row can later appear before a cursor already handed out. A transaction
 * that took its place early but commits late is therefore delivered after it commits, never skipped, and
 * a cursor never returns a row twice. The order is the order in which the writing transactions began
 * to write, which can differ from commit order for transactions that overlapped; each item carries the
 * entity's version, so a mirror keeps the newest version it has seen.
 */
@ApplicationScoped
public class ChangeFeedService {

    private final EntityManager em;
    private final CurrentOrganization organization;
    private final ChangeFeedPurge purge;

    @Inject
    public ChangeFeedService(EntityManager em, CurrentOrganization organization, ChangeFeedPurge purge) {
        this.em = em;
        this.organization = organization;
        this.purge = purge;
    }

    /** One item of the feed. */
    public record Change(
            ChangeCursor cursor,
            ChangeType type,
            String entityType,
            UUID entityId,
            UUID eventId,
            Long version,
            String stage,
            OffsetDateTime occurredAt,
            UUID clientId) {}

    /** The changes after {@code cursor}; 410 when the retention purge has passed it (changes after it may be gone). */
    @Transactional
    public List<Change> after(ChangeCursor cursor, int limit) {
        if (!cursor.equals(ChangeCursor.START)) {
            purge.gonePosition().filter(gone -> gone.isAfter(cursor)).ifPresent(gone -> {
                throw new GoneException("The cursor is older than the change feed's retention period; changes after it"
                        + " were deleted. Read the feed again from the start (no cursor) and rebuild the mirror.");
            });
        }
        @SuppressWarnings("unchecked")
        // The text copy of txid is aliased: "order by txid" would otherwise sort by the text, not the number.
        List<Object[]> rows = em.createNativeQuery("select c.id, c.txid::text as position, c.type, c.entity_type,"
                        + " c.entity_id, c.related_id, c.version, c.stage, c.occurred_at, e.client_id from change_feed c"
                        // an event about one person names them
                        + " left join filing_event e on c.entity_type = 'FILING' and e.id = c.related_id"
                        + " where c.organization_id = ?1 and (c.txid, c.id) > (cast(?2 as xid8), ?3)"
                        + " and c.txid < pg_snapshot_xmin(pg_current_snapshot())"
                        + " order by c.txid, c.id limit ?4")
                .setParameter(1, organization.id())
                .setParameter(2, cursor.transactionId())
                .setParameter(3, cursor.id())
                .setParameter(4, limit)
                .getResultList();
        List<Change> changes = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            changes.add(new Change(
                    new ChangeCursor((String) r[1], ((Number) r[0]).longValue()),
                    ChangeType.valueOf((String) r[2]),
                    (String) r[3],
                    (UUID) r[4],
                    (UUID) r[5],
                    r[6] == null ? null : ((Number) r[6]).longValue(),
                    (String) r[7],
                    SqlValues.toOffsetDateTime(r[8]),
                    (UUID) r[9]));
        }
        return changes;
    }
}
