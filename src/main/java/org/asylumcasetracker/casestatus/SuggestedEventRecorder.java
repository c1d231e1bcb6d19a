package org.asylumcasetracker.casestatus;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import org.asylumcasetracker.filing.FilingService;
import org.asylumcasetracker.filing.api.EventRequest;

/**
 * The one place where an accepted suggestion becomes an event: through the filing's own event entry point,
 * as the accepting user, with every rule of the events endpoint (stage, dates, required fields).
 */
@ApplicationScoped
public class SuggestedEventRecorder {

    private final FilingService filings;

    @Inject
    public SuggestedEventRecorder(FilingService filings) {
        this.filings = filings;
    }

    public FilingService.Recorded record(UUID filingId, ProposedEvent e) {
        return filings.recordEvent(filingId, new EventRequest(e.type(), e.occurredOn(), null, e.receiptNumber(),
                e.appointmentAt(), e.location(), e.deliveredVia(), e.via(), e.requestedAt(), e.reason(),
                e.stampedNoticeKept(), null, null, e.channel(), e.note(), e.outcome()), null);
    }
}
