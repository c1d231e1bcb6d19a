package org.asylumcasetracker.filing;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.asylumcasetracker.organization.CourtBiometricsProcess;

/**
 * What a filing's events have made of it: its {@link Progress} is the fold of its events in effect, oldest first,
 * over the state it was opened in. Nothing else writes progress, so taking an event back (folding the events without
 * it) undoes exactly what that event changed and nothing recorded later; and a filing's description (PATCH, PUT) can
 * never touch what events recorded. Pure: no database, no clock; the organization's time zone is an input, for the
 * calendar day of a hearing.
 */
public final class FilingHistory {

    /** One event as the fold needs it: its type, its day and its fields. */
    public record Entry(EventType type, LocalDate occurredOn, EventDetails details) {}

    private FilingHistory() {}

    /**
     * The state a filing is opened in. A USCIS filing waits for its receipt; a court filing for the package to USCIS,
     * unless USCIS schedules biometrics from the court's records ({@code AUTOMATIC}), when the wait for a biometrics
     * notice starts on the filing date.
     */
    public static Progress start(Venue venue, CourtBiometricsProcess courtProcess, LocalDate filedOn) {
        if (venue == Venue.USCIS) {
            return Progress.startingIn(Stage.AWAITING_RECEIPT, null);
        }
        if (courtProcess == CourtBiometricsProcess.AUTOMATIC) {
            return Progress.startingIn(Stage.AWAITING_BIOMETRICS_NOTICE, filedOn);
        }
        return Progress.startingIn(Stage.AWAITING_USCIS_PACKAGE, null);
    }

    /** The progress after all {@code events}, in order, starting from {@code start}. */
    public static Progress fold(Progress start, List<Entry> events, ZoneId zone) {
        Progress progress = start;
        for (Entry event : events) {
            progress = apply(progress, event, zone);
        }
        return progress;
    }

    /**
     * The progress after one more event. Whether the event may happen is {@link Transitions}' question, asked before
     * it is recorded; here it only has its effect, and the stage moves as the table says.
     */
    public static Progress apply(Progress progress, Entry event, ZoneId zone) {
        EventDetails d = event.details();
        LocalDate on = event.occurredOn();
        Stage next = Transitions.of(event.type()).next(progress.stage());
        return progress.with(p -> {
            p.stage = next;
            switch (event.type()) {
                case USCIS_PACKAGE_MAILED -> {
                    p.packageMailedOn = on;
                    p.trackingNumber = d.trackingNumber();
                }
                case RECEIPT_RECEIVED -> {
                    p.receiptNumber = d.receiptNumber();
                    p.receiptReceivedOn = on;
                    p.biometricsClockStartOn = on;
                }
                case BIOMETRICS_NOTICE_RECEIVED -> {
                    p.noticeReceivedOn = on;
                    p.appointmentAt = d.appointmentAt();
                    p.appointmentLocation = d.location();
                    p.deliveredVia = d.deliveredVia();
                    p.missedOn = null;
                }
                case RESCHEDULE_REQUESTED -> {
                    p.rescheduleCount++;
                    p.biometricsClockStartOn = on;
                    p.appointmentAt = null;
                    p.appointmentLocation = null;
                    p.deliveredVia = null;
                    p.noticeReceivedOn = null;
                }
                case BIOMETRICS_COMPLETED -> {
                    p.completedOn = on;
                    p.stampedNoticeKept = Boolean.TRUE.equals(d.stampedNoticeKept());
                }
                case BIOMETRICS_MISSED -> p.missedOn = on;
                case HEARING_SCHEDULED -> {
                    p.hearings = schedule(p.hearings, new Hearing(d.kind(), d.hearingAt(), on), zone);
                    p.individualHearingAt = latestIndividual(p.hearings);
                }
                case WORK_PERMIT_FILED -> p.workPermitFiledOn = on;
                case CLOSED -> {
                    p.outcome = d.outcome();
                    p.closedOn = on;
                }
                case CONTACT_LOGGED -> {
                    // a contact is part of the timeline and changes no fact
                }
            }
        });
    }

    /**
     * The hearings after one more is scheduled. A hearing of the same kind that had not yet taken place on the day the
     * new one was scheduled is replaced by it (the court continued it); hearings already held stay on the record.
     */
    static List<Hearing> schedule(List<Hearing> hearings, Hearing scheduled, ZoneId zone) {
        List<Hearing> after = new ArrayList<>();
        for (Hearing hearing : hearings) {
            boolean continued = hearing.kind() == scheduled.kind()
                    && !dayOf(hearing.at(), zone).isBefore(scheduled.scheduledOn());
            if (!continued) {
                after.add(hearing);
            }
        }
        after.add(scheduled);
        after.sort(Comparator.comparing(Hearing::at).thenComparing(Hearing::kind));
        return List.copyOf(after);
    }

    private static OffsetDateTime latestIndividual(List<Hearing> hearings) {
        return hearings.stream()
                .filter(h -> h.kind() == HearingKind.INDIVIDUAL)
                .map(Hearing::at)
                .max(Comparator.naturalOrder())
                .orElse(null);
    }

    private static LocalDate dayOf(OffsetDateTime moment, ZoneId zone) {
        return moment.atZoneSameInstant(zone).toLocalDate();
    }
}
