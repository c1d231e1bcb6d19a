package org.asylumcasetracker.alert;

import java.time.LocalDate;
import java.util.UUID;
import org.asylumcasetracker.client.OneYearDeadlineException;

/**
 * What the client-level alert rules need to know about one person: when the one-year asylum deadline falls,
 * whether an exception to it was recorded, and from when the person is on an open asylum application (as principal
 * or family member). A fact that is not known is {@code null}. It holds no names, A-Numbers or contact details.
 *
 * @param oneYearDeadlineOn     the last day to apply, from the last arrival ({@code client.OneYearDeadline})
 * @param exception             a recorded reason the deadline may not bar the application
 * @param onOpenFilingSince     the filing date of the earliest open filing the person is on; {@code null} while on none
 */
public record ClientFacts(
        UUID clientId, LocalDate oneYearDeadlineOn, OneYearDeadlineException exception, LocalDate onOpenFilingSince) {}
