package org.asylumcasetracker.filing;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.asylumcasetracker.organization.CourtBiometricsProcess;

/**
 * What a filing's events have made of it: its {@link Progress} is the fold of its events in effect, oldest first,
 * over the state it was opened in. Nothing else writes progress, so taking an event back (folding the events without
 * it) undoes exactly what that event changed and nothing recorded later; and a filing's description (PATCH, PUT) can
 * never touch what events recorded. Each person on the application moves through {@link Transitions} on their own
 * events; the filing's stage is the earliest of theirs. Pure: no database, no clock; the organization's time zone is
 * an input, for the calendar day of a hearing.
 */
public final class FilingHistory {

    /**
     * One event as the fold needs it: its type, its day, its fields and, for an event that concerns one person, who
     * ({@code null}: the principal).
     */
    public record Entry(
            EventType type,
            LocalDate occurredOn,
            EventDetails details,
            UUID person,
            List<UUID> covering,
            UUID principalId) {

        public Entry {
            covering = covering == null ? List.of() : List.copyOf(covering);
        }

        public Entry(EventType type, LocalDate occurredOn, EventDetails details) {
            this(type, occurredOn, details, null, List.of(), null);
        }

        /** A package or hearing of the principal's group: it names nobody, or names the principal. */
        boolean coversThePrincipal() {
            return covering.isEmpty() || covering.contains(principalId);
        }
    }

    /** The stages in the order of the application's progress; a missed appointment counts as before a scheduled one. */
    private static final List<Stage> PROGRESS_ORDER = List.of(
            Stage.AWAITING_USCIS_PACKAGE,
            Stage.AWAITING_RECEIPT,
            Stage.AWAITING_BIOMETRICS_NOTICE,
            Stage.BIOMETRICS_MISSED,
            Stage.BIOMETRICS_SCHEDULED,
            Stage.BIOMETRICS_COMPLETED,
            Stage.CLOSED);

    private FilingHistory() {}

    /**
     * The state a filing is opened in, for the principal and each family member alike. A USCIS filing waits for its
     * receipt; a court filing for the package to USCIS, unless USCIS schedules biometrics from the court's records
     * ({@code AUTOMATIC}), when the wait for a biometrics notice starts on the filing date.
     */
    public static Progress start(
            Venue venue, CourtBiometricsProcess courtProcess, LocalDate filedOn, List<UUID> familyMemberIds) {
        Stage first;
        LocalDate clockStart = null;
        if (venue == Venue.USCIS) {
            first = Stage.AWAITING_RECEIPT;
        } else if (courtProcess == CourtBiometricsProcess.AUTOMATIC) {
            first = Stage.AWAITING_BIOMETRICS_NOTICE;
            clockStart = filedOn;
        } else {
            first = Stage.AWAITING_USCIS_PACKAGE;
        }
        LocalDate start = clockStart;
        return Progress.startingIn(
                first,
                clockStart,
                familyMemberIds.stream()
                        .map(id -> PersonProgress.startingIn(id, first, start))
                        .toList());
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
     * it is recorded; here it only has its effect, and stages move as the table says. An event about a person who is
     * no longer on the application changes nothing.
     */
    public static Progress apply(Progress progress, Entry event, ZoneId zone) {
        EventDetails d = event.details();
        LocalDate on = event.occurredOn();
        return progress.with(p -> {
            if (event.type().concernsOnePerson()) {
                applyToPerson(p, event, zone);
            }
            if (KeptEvent.keeps(event.type())) {
                List<KeptEvent> kept = new ArrayList<>(p.keptEvents);
                kept.add(new KeptEvent(event.type(), on, event.person(), d.feeAmount(), d.feeDueOn()));
                p.keptEvents = kept;
            }
            switch (event.type()) {
                case USCIS_PACKAGE_MAILED -> mailPackage(p, event);
                case HEARING_SCHEDULED -> {
                    // a hearing that names only family members is theirs: their case was severed
                    List<UUID> severed = event.coversThePrincipal() ? List.of() : event.covering();
                    p.hearings = schedule(p.hearings, new Hearing(d.kind(), d.hearingAt(), on, severed), zone);
                    p.individualHearingAt = latestIndividual(p.hearings, null);
                    p.members = p.members.stream()
                            .map(m -> severed.contains(m.clientId()) ? m.withHearingsOfTheirOwn() : m)
                            .toList();
                }
                case CLOSED -> {
                    p.outcome = d.outcome();
                    p.closedOn = on;
                    for (Stage stage : Stage.values()) {
                        movePeople(p, stage, Stage.CLOSED);
                    }
                }
                default -> {
                    // the person's own facts are set above; a contact changes no fact
                }
            }
            p.stage = filingStage(
                    p.principalStage,
                    p.members.stream().map(PersonProgress::stage).toList());
        });
    }

    /** The filing's stage: the earliest of its people's, a missed appointment counting as earlier than a scheduled one. */
    public static Stage filingStage(Stage principal, Collection<Stage> members) {
        Stage earliest = principal;
        for (Stage stage : members) {
            if (PROGRESS_ORDER.indexOf(stage) < PROGRESS_ORDER.indexOf(earliest)) {
                earliest = stage;
            }
        }
        return earliest;
    }

    /** One person's progress after an event about them. */
    static PersonProgress applyToPerson(
            PersonProgress person, EventType type, LocalDate on, EventDetails d, ZoneId zone) {
        Stage next = Transitions.of(type).next(person.stage());
        String receiptNumber = person.receiptNumber();
        LocalDate receiptReceivedOn = person.receiptReceivedOn();
        LocalDate clockStart = person.biometricsClockStartOn();
        LocalDate noticeReceivedOn = person.noticeReceivedOn();
        OffsetDateTime appointmentAt = person.appointmentAt();
        String location = person.appointmentLocation();
        DeliveredVia deliveredVia = person.deliveredVia();
        int rescheduleCount = person.rescheduleCount();
        Boolean stampedNoticeKept = person.stampedNoticeKept();
        LocalDate missedOn = person.missedOn();
        LocalDate completedOn = person.completedOn();
        LocalDate reusedOn = person.reusedOn();
        LocalDate workPermitFiledOn = person.workPermitFiledOn();
        switch (type) {
            case RECEIPT_RECEIVED -> {
                receiptNumber = d.receiptNumber();
                receiptReceivedOn = on;
                clockStart = on;
            }
            case BIOMETRICS_NOTICE_RECEIVED -> {
                noticeReceivedOn = on;
                appointmentAt = d.appointmentAt();
                location = d.location();
                deliveredVia = d.deliveredVia();
                missedOn = null;
                LocalDate appointmentDay = dayOf(d.appointmentAt(), zone);
                if (appointmentDay.isBefore(on)) {
                    // the notice came too late (or never came, and case status showed it): the day is missed
                    next = Stage.BIOMETRICS_MISSED;
                    missedOn = appointmentDay;
                }
            }
            case RESCHEDULE_REQUESTED -> {
                rescheduleCount++;
                clockStart = on;
                appointmentAt = null;
                location = null;
                deliveredVia = null;
                noticeReceivedOn = null;
            }
            case BIOMETRICS_COMPLETED -> {
                completedOn = on;
                stampedNoticeKept = Boolean.TRUE.equals(d.stampedNoticeKept());
            }
            case BIOMETRICS_MISSED -> missedOn = on;
            case BIOMETRICS_REUSED -> {
                // USCIS reused fingerprints taken before: done, without an appointment or a notice to be stamped
                reusedOn = on;
            }
            case STAMPED_NOTICE_CONFIRMED -> stampedNoticeKept = true;
            case WORK_PERMIT_FILED -> workPermitFiledOn = on;
            default -> throw new IllegalArgumentException(type + " concerns the whole filing");
        }
        return new PersonProgress(
                person.clientId(),
                next,
                receiptNumber,
                receiptReceivedOn,
                clockStart,
                noticeReceivedOn,
                appointmentAt,
                location,
                deliveredVia,
                rescheduleCount,
                stampedNoticeKept,
                missedOn,
                completedOn,
                reusedOn,
                workPermitFiledOn,
                person.packageMailedOn(),
                person.hearingsOfTheirOwn());
    }

    private static void applyToPerson(Progress.Draft p, Entry event, ZoneId zone) {
        if (event.person() == null) {
            p.principal(applyToPerson(p.principalSnapshot(), event.type(), event.occurredOn(), event.details(), zone));
            return;
        }
        List<PersonProgress> members = new ArrayList<>(p.members);
        for (int i = 0; i < members.size(); i++) {
            if (members.get(i).clientId().equals(event.person())) {
                members.set(i, applyToPerson(members.get(i), event.type(), event.occurredOn(), event.details(), zone));
            }
        }
        p.members = List.copyOf(members);
    }

    /**
     * One package covers the people it names, or everyone still waiting for one when it names nobody; each covered
     * person waiting for it now waits for their receipt, counted from the day it was mailed.
     */
    private static void mailPackage(Progress.Draft p, Entry event) {
        LocalDate on = event.occurredOn();
        if (p.principalStage == Stage.AWAITING_USCIS_PACKAGE && event.coversThePrincipal()) {
            p.principalStage = Stage.AWAITING_RECEIPT;
            p.packageMailedOn = on;
            p.trackingNumber = event.details().trackingNumber();
        }
        p.members = p.members.stream()
                .map(m -> m.stage() == Stage.AWAITING_USCIS_PACKAGE
                                && (event.covering().isEmpty()
                                        || event.covering().contains(m.clientId()))
                        ? m.packageMailed(on)
                        : m)
                .toList();
    }

    /** A person's individual hearing: their own if their case was severed, else the principal's. */
    public static OffsetDateTime individualHearingOf(List<Hearing> hearings, PersonProgress person) {
        return latestIndividual(hearings, person.hearingsOfTheirOwn() ? person.clientId() : null);
    }

    private static void movePeople(Progress.Draft p, Stage from, Stage to) {
        if (p.principalStage == from) {
            p.principalStage = to;
        }
        p.members = p.members.stream()
                .map(m -> m.stage() == from ? m.withStage(to) : m)
                .toList();
    }

    /**
     * The hearings after one more is scheduled. A hearing of the same kind that had not yet taken place on the day the
     * new one was scheduled is replaced by it (the court continued it); hearings already held stay on the record.
     */
    static List<Hearing> schedule(List<Hearing> hearings, Hearing scheduled, ZoneId zone) {
        List<Hearing> after = new ArrayList<>();
        for (Hearing hearing : hearings) {
            boolean continued = hearing.kind() == scheduled.kind()
                    && hearing.clientIds().equals(scheduled.clientIds())
                    && !dayOf(hearing.at(), zone).isBefore(scheduled.scheduledOn());
            if (!continued) {
                after.add(hearing);
            }
        }
        after.add(scheduled);
        after.sort(Comparator.comparing(Hearing::at).thenComparing(Hearing::kind));
        return List.copyOf(after);
    }

    /** The latest individual hearing of the principal's group ({@code severedPerson} null), or of a severed person. */
    private static OffsetDateTime latestIndividual(List<Hearing> hearings, UUID severedPerson) {
        return hearings.stream()
                .filter(h -> h.kind() == HearingKind.INDIVIDUAL)
                .filter(h -> severedPerson == null
                        ? h.clientIds().isEmpty()
                        : h.clientIds().contains(severedPerson))
                .map(Hearing::at)
                .max(Comparator.naturalOrder())
                .orElse(null);
    }

    private static LocalDate dayOf(OffsetDateTime moment, ZoneId zone) {
        return moment.atZoneSameInstant(zone).toLocalDate();
    }
}
