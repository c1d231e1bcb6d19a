package org.asylumcasetracker.alert;

import java.time.LocalDate;
import java.util.UUID;
import org.asylumcasetracker.client.OneYearDeadlineException;

/**
 * What the client-level alert rules need to know about one person, read from the client, the open filings the
 * person is on (as principal or family member) and their events. A fact that is not known is {@code null}. It holds
 * no names, A-Numbers or contact details.
 *
 * @param oneYearDeadlineOn        the last day to apply, from the last arrival ({@code client.OneYearDeadline})
 * @param exception                a recorded reason the deadline may not bar the application
 * @param onOpenFilingSince        the filing date of the earliest open filing the person is on; {@code null} while
 *                                 on none
 * @param onOpenCourtFilingSince   the same among open immigration-court filings
 * @param movedOn                  the day the person moved to the mailing address on file
 * @param ar11ReportedOn           the first day on or after {@code movedOn} an AR-11 was recorded as sent for them
 * @param eoir33ReportedOn         the same for an EOIR-33
 */
public record ClientFacts(
        UUID clientId,
        LocalDate oneYearDeadlineOn,
        OneYearDeadlineException exception,
        LocalDate onOpenFilingSince,
        LocalDate onOpenCourtFilingSince,
        LocalDate movedOn,
        LocalDate ar11ReportedOn,
        LocalDate eoir33ReportedOn) {

    /** A person who never moved (as far as recorded) and is on no court filing. */
    public static ClientFacts arrival(
            UUID clientId,
            LocalDate oneYearDeadlineOn,
            OneYearDeadlineException exception,
            LocalDate onOpenFilingSince) {
        return new ClientFacts(clientId, oneYearDeadlineOn, exception, onOpenFilingSince, null, null, null, null);
    }
}
