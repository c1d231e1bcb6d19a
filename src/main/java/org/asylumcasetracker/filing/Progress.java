package org.asylumcasetracker.filing;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Consumer;

/**
 * Everything events have taught us about a filing, as one immutable value: {@link FilingHistory} derives it from
 * the events in effect, the filing keeps the result in its own columns, and the alert rules' facts are read from
 * it. A new fact is one component here, its column, and the event that sets it in {@link FilingHistory}.
 *
 * <p>The stage is the filing's: the earliest of its people's stages ({@link FilingHistory#filingStage}). The receipt,
 * appointment and work permit components are the principal's own ({@link #principal}); each family member's are in
 * {@link #members}.
 *
 * @param principalStage      the principal's own stage
 * @param members             each family member's progress, in the order of the filing's family members
 * @param individualHearingAt the latest individual hearing the events set
 * @param hearings            the hearings the events set, earliest first; a continuance replaced the one it moved
 * @param keptEvents          the events in effect that a rule reads in full (the work-permit clock's and the fees'),
 *                            in the order they were recorded
 */
@Embeddable
public record Progress(
        @Enumerated(EnumType.STRING) @Column(name = "stage", nullable = false)
        Stage stage,

        @Enumerated(EnumType.STRING) @Column(name = "principal_stage", nullable = false)
        Stage principalStage,

        @Column(name = "package_mailed_on") LocalDate packageMailedOn,
        @Column(name = "tracking_number") String trackingNumber,
        @Column(name = "receipt_number") String receiptNumber,
        @Column(name = "receipt_received_on") LocalDate receiptReceivedOn,
        @Column(name = "biometrics_clock_start_on") LocalDate biometricsClockStartOn,
        @Column(name = "notice_received_on") LocalDate noticeReceivedOn,
        @Column(name = "appointment_at") OffsetDateTime appointmentAt,
        @Column(name = "appointment_location") String appointmentLocation,

        @Enumerated(EnumType.STRING) @Column(name = "delivered_via")
        DeliveredVia deliveredVia,

        @Column(name = "reschedule_count", nullable = false) int rescheduleCount,
        @Column(name = "stamped_notice_kept") Boolean stampedNoticeKept,
        @Column(name = "missed_on") LocalDate missedOn,
        @Column(name = "completed_on") LocalDate completedOn,
        @Column(name = "biometrics_reused_on") LocalDate reusedOn,
        @Column(name = "individual_hearing_at") OffsetDateTime individualHearingAt,

        @Convert(converter = HearingsConverter.class) @Column(name = "hearings", nullable = false)
        List<Hearing> hearings,

        @Convert(converter = MembersConverter.class) @Column(name = "members", nullable = false)
        List<PersonProgress> members,

        @Column(name = "work_permit_filed_on") LocalDate workPermitFiledOn,

        @Enumerated(EnumType.STRING) @Column(name = "outcome")
        Outcome outcome,

        @Column(name = "closed_on") LocalDate closedOn,

        @Convert(converter = KeptEventsConverter.class) @Column(name = "kept_events", nullable = false)
        List<KeptEvent> keptEvents) {

    /** A filing that nothing has happened to yet, in its first stage. */
    static Progress startingIn(Stage stage, LocalDate biometricsClockStartOn, List<PersonProgress> members) {
        return new Progress(
                stage, // the filing's
                stage, // the principal's
                null, // packageMailedOn
                null, // trackingNumber
                null, // receiptNumber
                null, // receiptReceivedOn
                biometricsClockStartOn,
                null, // noticeReceivedOn
                null, // appointmentAt
                null, // appointmentLocation
                null, // deliveredVia
                0, // rescheduleCount
                null, // stampedNoticeKept
                null, // missedOn
                null, // completedOn
                null, // reusedOn
                null, // individualHearingAt
                List.of(),
                List.copyOf(members),
                null, // workPermitFiledOn
                null, // outcome
                null, // closedOn
                List.of());
    }

    /** The principal's own progress, as one person's. */
    public PersonProgress principal(java.util.UUID principalId) {
        return new PersonProgress(
                principalId,
                principalStage,
                receiptNumber,
                receiptReceivedOn,
                biometricsClockStartOn,
                noticeReceivedOn,
                appointmentAt,
                appointmentLocation,
                deliveredVia,
                rescheduleCount,
                stampedNoticeKept,
                missedOn,
                completedOn,
                reusedOn,
                workPermitFiledOn,
                packageMailedOn,
                false);
    }

    /** This progress with some facts changed; the others stay as they are. */
    Progress with(Consumer<Draft> change) {
        Draft draft = new Draft(this);
        change.accept(draft);
        return draft.toProgress();
    }

    @Override
    public String toString() {
        return "Progress[" + stage + "]";
    }

    /** A changeable copy, so that each event names only the facts it sets. */
    static final class Draft {
        Stage stage;
        Stage principalStage;
        LocalDate packageMailedOn;
        String trackingNumber;
        String receiptNumber;
        LocalDate receiptReceivedOn;
        LocalDate biometricsClockStartOn;
        LocalDate noticeReceivedOn;
        OffsetDateTime appointmentAt;
        String appointmentLocation;
        DeliveredVia deliveredVia;
        int rescheduleCount;
        Boolean stampedNoticeKept;
        LocalDate missedOn;
        LocalDate completedOn;
        LocalDate reusedOn;
        OffsetDateTime individualHearingAt;
        List<Hearing> hearings;
        List<PersonProgress> members;
        LocalDate workPermitFiledOn;
        Outcome outcome;
        LocalDate closedOn;
        List<KeptEvent> keptEvents;

        private Draft(Progress p) {
            stage = p.stage;
            principalStage = p.principalStage;
            packageMailedOn = p.packageMailedOn;
            trackingNumber = p.trackingNumber;
            receiptNumber = p.receiptNumber;
            receiptReceivedOn = p.receiptReceivedOn;
            biometricsClockStartOn = p.biometricsClockStartOn;
            noticeReceivedOn = p.noticeReceivedOn;
            appointmentAt = p.appointmentAt;
            appointmentLocation = p.appointmentLocation;
            deliveredVia = p.deliveredVia;
            rescheduleCount = p.rescheduleCount;
            stampedNoticeKept = p.stampedNoticeKept;
            missedOn = p.missedOn;
            completedOn = p.completedOn;
            reusedOn = p.reusedOn;
            individualHearingAt = p.individualHearingAt;
            hearings = p.hearings;
            members = p.members;
            workPermitFiledOn = p.workPermitFiledOn;
            outcome = p.outcome;
            closedOn = p.closedOn;
            keptEvents = p.keptEvents;
        }

        /** The principal's own facts as they stand in this draft (the principal's id is not needed here). */
        PersonProgress principalSnapshot() {
            return new PersonProgress(
                    null,
                    principalStage,
                    receiptNumber,
                    receiptReceivedOn,
                    biometricsClockStartOn,
                    noticeReceivedOn,
                    appointmentAt,
                    appointmentLocation,
                    deliveredVia,
                    rescheduleCount,
                    stampedNoticeKept,
                    missedOn,
                    completedOn,
                    reusedOn,
                    workPermitFiledOn,
                    packageMailedOn,
                    false);
        }

        /** Sets the principal's own facts from one person's progress. */
        void principal(PersonProgress person) {
            principalStage = person.stage();
            receiptNumber = person.receiptNumber();
            receiptReceivedOn = person.receiptReceivedOn();
            biometricsClockStartOn = person.biometricsClockStartOn();
            noticeReceivedOn = person.noticeReceivedOn();
            appointmentAt = person.appointmentAt();
            appointmentLocation = person.appointmentLocation();
            deliveredVia = person.deliveredVia();
            rescheduleCount = person.rescheduleCount();
            stampedNoticeKept = person.stampedNoticeKept();
            missedOn = person.missedOn();
            completedOn = person.completedOn();
            reusedOn = person.reusedOn();
            workPermitFiledOn = person.workPermitFiledOn();
            packageMailedOn = person.packageMailedOn();
        }

        private Progress toProgress() {
            return new Progress(
                    stage,
                    principalStage,
                    packageMailedOn,
                    trackingNumber,
                    receiptNumber,
                    receiptReceivedOn,
                    biometricsClockStartOn,
                    noticeReceivedOn,
                    appointmentAt,
                    appointmentLocation,
                    deliveredVia,
                    rescheduleCount,
                    stampedNoticeKept,
                    missedOn,
                    completedOn,
                    reusedOn,
                    individualHearingAt,
                    List.copyOf(hearings),
                    List.copyOf(members),
                    workPermitFiledOn,
                    outcome,
                    closedOn,
                    List.copyOf(keptEvents));
        }
    }
}
