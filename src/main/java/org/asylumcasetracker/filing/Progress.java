package org.asylumcasetracker.filing;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * Everything events have taught us about a filing, as one value. Each event row keeps the progress from
 * before it, so retracting the latest event restores exactly the state it replaced.
 */
public record Progress(
        Stage stage,
        LocalDate packageMailedOn,
        String trackingNumber,
        String receiptNumber,
        LocalDate receiptReceivedOn,
        LocalDate biometricsClockStartOn,
        LocalDate noticeReceivedOn,
        OffsetDateTime appointmentAt,
        String appointmentLocation,
        DeliveredVia deliveredVia,
        int rescheduleCount,
        Boolean stampedNoticeKept,
        LocalDate missedOn,
        LocalDate completedOn,
        OffsetDateTime individualHearingAt,
        LocalDate workPermitFiledOn,
        Outcome outcome,
        LocalDate closedOn) {

    @Override
    public String toString() {
        return "Progress[" + stage + "]";
    }
}
