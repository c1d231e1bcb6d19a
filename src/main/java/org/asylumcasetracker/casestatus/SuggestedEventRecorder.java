package org.asylumcasetracker.casestatus;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.asylumcasetracker.filing.EventCommand;
import org.asylumcasetracker.filing.FilingService;
import org.asylumcasetracker.platform.Text;
import org.asylumcasetracker.platform.problem.FieldError;
import org.asylumcasetracker.platform.problem.InvalidInputException;

/**
 * The one place where an accepted suggestion becomes an event: the domain command of its type, recorded through
 * the filing's own event entry point, as the accepting user, with every rule of the events endpoint (stage,
 * dates). The fields an event type requires are required here too, and all missing ones are named at once.
 */
@ApplicationScoped
public class SuggestedEventRecorder {

    private final FilingService filings;

    @Inject
    public SuggestedEventRecorder(FilingService filings) {
        this.filings = filings;
    }

    public FilingService.Recorded record(UUID filingId, ProposedEvent e) {
        return filings.recordEvent(filingId, command(e), null);
    }

    static EventCommand command(ProposedEvent e) {
        List<FieldError> missing = new ArrayList<>();
        require(e.occurredOn(), "occurredOn", missing);
        switch (e.type()) {
            case RECEIPT_RECEIVED -> require(Text.blankToNull(e.receiptNumber()), "receiptNumber", missing);
            case BIOMETRICS_NOTICE_RECEIVED -> {
                require(e.appointmentAt(), "appointmentAt", missing);
                require(Text.blankToNull(e.location()), "location", missing);
            }
            case RESCHEDULE_REQUESTED -> require(e.via(), "via", missing);
            case CLOSED -> require(e.outcome(), "outcome", missing);
            default -> {}
        }
        if (!missing.isEmpty()) {
            throw new InvalidInputException(missing);
        }
        return switch (e.type()) {
            case USCIS_PACKAGE_MAILED -> new EventCommand.UscisPackageMailed(e.occurredOn(), null, List.of());
            case RECEIPT_RECEIVED -> new EventCommand.ReceiptReceived(e.occurredOn(), e.receiptNumber(), null);
            case BIOMETRICS_NOTICE_RECEIVED ->
                new EventCommand.BiometricsNoticeReceived(
                        e.occurredOn(), e.appointmentAt(), e.location().trim(), e.deliveredVia(), null);
            case RESCHEDULE_REQUESTED ->
                new EventCommand.RescheduleRequested(
                        e.occurredOn(), e.via(), e.requestedAt(), Text.blankToNull(e.reason()), null);
            case BIOMETRICS_COMPLETED ->
                new EventCommand.BiometricsCompleted(e.occurredOn(), e.stampedNoticeKept(), null);
            case BIOMETRICS_MISSED -> new EventCommand.BiometricsMissed(e.occurredOn(), null);
            case BIOMETRICS_REUSED -> new EventCommand.BiometricsReused(e.occurredOn(), null);
            case STAMPED_NOTICE_CONFIRMED -> new EventCommand.StampedNoticeConfirmed(e.occurredOn(), null);
            case HEARING_SCHEDULED -> throw InvalidInputException.of("type", "A case status never proposes a hearing.");
            case CONTACT_LOGGED ->
                new EventCommand.ContactLogged(e.occurredOn(), e.channel(), Text.blankToNull(e.note()));
            case WORK_PERMIT_FILED -> new EventCommand.WorkPermitFiled(e.occurredOn(), null);
            case CLOSED -> new EventCommand.Closed(e.occurredOn(), e.outcome());
            case ADDRESS_CHANGE_REPORTED, FEE_NOTICE_RECEIVED, FEE_PAID ->
                throw InvalidInputException.of("type", "A case status never proposes this event.");
        };
    }

    private static void require(Object value, String field, List<FieldError> missing) {
        if (value == null) {
            missing.add(new FieldError(field, "must not be null"));
        }
    }
}
