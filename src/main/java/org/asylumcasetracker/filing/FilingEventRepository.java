package org.asylumcasetracker.filing;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class FilingEventRepository implements PanacheRepositoryBase<FilingEvent, UUID> {

    public List<FilingEvent> timeline(UUID filingId, int page, int size) {
        return find("filingId", Sort.by("sequence"), filingId)
                .page(Page.of(page, size))
                .list();
    }

    public long countFor(UUID filingId) {
        return count("filingId", filingId);
    }

    /** The events that still count, oldest first: what the filing's progress is folded from. */
    public List<FilingHistory.Entry> historyInEffect(Filing filing) {
        return find("filingId = ?1 and retractedAt is null", Sort.by("sequence"), filing.getId()).stream()
                .map(event -> event.toEntry(filing.getClientId()))
                .toList();
    }

    /** The newest event that still counts: the only one a supervisor may retract. */
    public Optional<FilingEvent> latestInEffect(UUID filingId) {
        return find("filingId = ?1 and retractedAt is null", Sort.by("sequence").descending(), filingId)
                .firstResultOptional();
    }
}
