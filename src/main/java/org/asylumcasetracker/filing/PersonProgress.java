package org.asylumcasetracker.filing;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * How far one person on an application has come. USCIS sends each person their own receipt and their own
 * biometrics appointment, and each must attend, so each moves through the stages of {@link Transitions} on their own
 * events. The principal's are kept in the filing's columns ({@link Progress}), each family member's in the filing's
 * list of members.
 *
 * @param biometricsClockStartOn when the wait for this person's biometrics notice began: the receipt date; after a
 *                               reschedule, its date; under the AUTOMATIC court process, the filing date
 * @param reusedOn               when USCIS reused fingerprints taken before, instead of an appointment
 */
public record PersonProgress(
        UUID clientId,
        Stage stage,
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
        LocalDate reusedOn,
        LocalDate workPermitFiledOn) {

    /** A person nothing has happened to yet. */
    static PersonProgress startingIn(UUID clientId, Stage stage, LocalDate biometricsClockStartOn) {
        return new PersonProgress(
                clientId,
                stage,
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
                null);
    }

    PersonProgress withStage(Stage next) {
        return new PersonProgress(
                clientId,
                next,
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
                workPermitFiledOn);
    }

    @Override
    public String toString() {
        return "PersonProgress[" + clientId + " " + stage + "]";
    }
}
