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
 * @param individualHearingAt the latest individual hearing the events set
 * @param hearings            the hearings the events set, earliest first; a continuance replaced the one it moved
 */
@Embeddable
public record Progress(
        @Enumerated(EnumType.STRING) @Column(name = "stage", nullable = false)
        Stage stage,

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
        @Column(name = "individual_hearing_at") OffsetDateTime individualHearingAt,

        @Convert(converter = HearingsConverter.class) @Column(name = "hearings", nullable = false)
        List<Hearing> hearings,

        @Column(name = "work_permit_filed_on") LocalDate workPermitFiledOn,

        @Enumerated(EnumType.STRING) @Column(name = "outcome")
        Outcome outcome,

        @Column(name = "closed_on") LocalDate closedOn) {

    /** A filing that nothing has happened to yet, in its first stage. */
    static Progress startingIn(Stage stage, LocalDate biometricsClockStartOn) {
        return new Progress(
                stage,
                null,
                null,
                null,
                null,
                biometricsClockStartOn,
                null,
                null,
                null,
                null,
                0,
                null,
                null,
                null,
                null,
                List.of(),
                null,
                null,
                null);
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
        OffsetDateTime individualHearingAt;
        List<Hearing> hearings;
        LocalDate workPermitFiledOn;
        Outcome outcome;
        LocalDate closedOn;

        private Draft(Progress p) {
            stage = p.stage;
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
            individualHearingAt = p.individualHearingAt;
            hearings = p.hearings;
            workPermitFiledOn = p.workPermitFiledOn;
            outcome = p.outcome;
            closedOn = p.closedOn;
        }

        private Progress toProgress() {
            return new Progress(
                    stage,
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
                    individualHearingAt,
                    List.copyOf(hearings),
                    workPermitFiledOn,
                    outcome,
                    closedOn);
        }
    }
}
