package org.asylumcasetracker.filing;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

@ApplicationScoped
public class FilingEventRepository implements PanacheRepositoryBase<FilingEvent, UUID> {

    public List<FilingEvent> timeline(UUID filingId, int page, int size) {
        return find("filingId", Sort.by("sequence"), filingId)
                .page(Page.of(page, size))
                .list();
    }

    /** Every event of the filing, retracted ones too, oldest first. */
    public List<FilingEvent> allOf(UUID filingId) {
        return list("filingId", Sort.by("sequence"), filingId);
    }

    /** Every event of these filings, oldest first, by filing. */
    public Map<UUID, List<FilingEvent>> allOf(Collection<UUID> filingIds) {
        if (filingIds.isEmpty()) {
            return Map.of();
        }
        return list("filingId in ?1", Sort.by("filingId").and("sequence"), filingIds).stream()
                .collect(Collectors.groupingBy(FilingEvent::getFilingId));
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
