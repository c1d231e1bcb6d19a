package org.asylumcasetracker.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.asylumcasetracker.filing.AlertCode;
import org.asylumcasetracker.filing.Stage;
import org.asylumcasetracker.filing.Venue;
import org.asylumcasetracker.platform.persistence.SqlValues;

/**
 * The SQL of the overdue reports. "Raised on asOf" is {@code raised_on <= asOf and (ends_on is null or
 * ends_on >= asOf)} over the stored windows, which keep each filing's history (a window is raised on or after its
 * due day, so {@code due_on <= asOf} holds too and lets the index on the due day narrow the scan); the order is severity, then days overdue (oldest due date
 * first), then code, then filing, then client (alerts about a person rather than a filing have no filing). Every filter, the count and the summary read {@code alert_window} alone (it
 * keeps the case worker and venue); only the rows that are shown join the filing and the client.
 */
@ApplicationScoped
public class OverdueQueries {

    private static final String RAISED = " from alert_window w where w.organization_id = :org and w.due_on <= :asOf"
            + " and w.raised_on <= :asOf and (w.ends_on is null or w.ends_on >= :asOf)";
    private static final String ORDER = " order by w.severity_rank, w.due_on, w.code, w.filing_id, w.client_id, w.duty";
    private static final String COLUMNS = "select w.filing_id, w.client_id, w.code, w.due_on, w.ends_on,"
            + " :asOf - w.due_on, c.first_name, c.last_name, w.caseworker, f.stage, w.venue, w.duty";
    // A client-level window (the one-year deadline) has no filing: no stage, no venue.
    private static final String JOIN = " left join filing f on f.id = w.filing_id join client c on c.id = w.client_id";

    private static final int FETCH_SIZE = 500;

    private final EntityManager em;

    @Inject
    public OverdueQueries(EntityManager em) {
        this.em = em;
    }

    public List<OverdueRow> page(String organizationId, OverdueFilter filter, int page, int size) {
        // Pick the page from the windows alone (an index scan in report order), then join for its rows only.
        String sql = COLUMNS + " from (select w.*" + RAISED + where(filter) + ORDER + " limit :limit offset :offset) w"
                + JOIN + ORDER;
        Query query = bind(em.createNativeQuery(sql), organizationId, filter)
                .setParameter("limit", size)
                .setParameter("offset", (long) page * size);
        List<OverdueRow> rows = new ArrayList<>();
        for (Object row : query.getResultList()) {
            rows.add(toRow((Object[]) row));
        }
        return rows;
    }

    public long count(String organizationId, OverdueFilter filter) {
        String sql = "select count(*)" + RAISED + where(filter);
        return ((Number) bind(em.createNativeQuery(sql), organizationId, filter).getSingleResult()).longValue();
    }

    /**
     * Streams up to {@code limit} matching rows in report order, without holding them all: PostgreSQL's
     * driver reads through a cursor, {@value #FETCH_SIZE} rows at a time, inside the caller's transaction.
     */
    public void each(String organizationId, OverdueFilter filter, int limit, Consumer<OverdueRow> consumer) {
        String sql = COLUMNS + " from (select w.*" + RAISED + where(filter) + ORDER + " limit :limit) w" + JOIN + ORDER;
        Query query = bind(em.createNativeQuery(sql), organizationId, filter)
                .setParameter("limit", limit)
                .setHint("org.hibernate.fetchSize", FETCH_SIZE);
        try (var stream = query.getResultStream()) {
            stream.forEach(row -> consumer.accept(toRow((Object[]) row)));
        }
    }

    /** Counts per code, severity, case worker and days overdue (one row per combination). */
    public List<Object[]> summaryCube(String organizationId, OverdueFilter filter) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = bind(
                        em.createNativeQuery("select w.code, w.severity_rank, w.caseworker,"
                                + " case when :asOf - w.due_on <= 30 then '0-30' when :asOf - w.due_on <= 60 then '31-60'"
                                + " when :asOf - w.due_on <= 90 then '61-90' else '90+' end as bucket, count(*)"
                                + RAISED + where(filter) + " group by 1, 2, 3, 4"),
                        organizationId,
                        filter)
                .getResultList();
        return rows;
    }

    private static String where(OverdueFilter filter) {
        StringBuilder where = new StringBuilder();
        if (filter.code() != null) {
            where.append(" and w.code = :code");
        }
        if (filter.severity() != null) {
            where.append(" and w.severity_rank = :rank");
        }
        if (filter.caseworker() != null) {
            where.append(" and w.caseworker = :caseworker");
        }
        if (filter.venue() != null) {
            where.append(" and w.venue = :venue");
        }
        if (filter.ownerSubject() != null) {
            where.append(" and w.client_id in (select c.id from client c where c.organization_id = :org"
                    + " and c.caseworker_subject = :owner)");
        }
        return where.toString();
    }

    private static Query bind(Query query, String organizationId, OverdueFilter filter) {
        query.setParameter("org", organizationId).setParameter("asOf", filter.asOf());
        if (filter.code() != null) {
            query.setParameter("code", filter.code().name());
        }
        if (filter.severity() != null) {
            query.setParameter("rank", (short) filter.severity().ordinal());
        }
        if (filter.caseworker() != null) {
            query.setParameter("caseworker", filter.caseworker());
        }
        if (filter.venue() != null) {
            query.setParameter("venue", filter.venue().name());
        }
        if (filter.ownerSubject() != null) {
            query.setParameter("owner", filter.ownerSubject());
        }
        return query;
    }

    private static OverdueRow toRow(Object[] r) {
        return new OverdueRow(
                (UUID) r[0],
                (UUID) r[1],
                AlertCode.valueOf((String) r[2]),
                SqlValues.toLocalDate(r[3]),
                SqlValues.toLocalDate(r[4]),
                ((Number) r[5]).longValue(),
                r[6] + " " + r[7],
                (String) r[8],
                r[9] == null ? null : Stage.valueOf((String) r[9]),
                r[10] == null ? null : Venue.valueOf((String) r[10]),
                (String) r[11]);
    }
}
