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
 * @param packageMailedOn        court filings: when the package covering this person was mailed to USCIS
 * @param hearingsOfTheirOwn     the person's court case was severed from the principal's: their hearings differ,
 *                               and they need a package of their own
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
        LocalDate workPermitFiledOn,
        LocalDate packageMailedOn,
        boolean hearingsOfTheirOwn) {

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
                null, // stampedNoticeKept
                null, // missedOn
                null, // completedOn
                null, // reusedOn
                null, // workPermitFiledOn
                null, // packageMailedOn
                false);
    }

    /** This person after their package was mailed on {@code on}. */
    PersonProgress packageMailed(LocalDate on) {
        return new PersonProgress(
                clientId,
                Stage.AWAITING_RECEIPT,
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
                on,
                hearingsOfTheirOwn);
    }

    /** This person, whose hearings were severed from the principal's. */
    PersonProgress withHearingsOfTheirOwn() {
        return new PersonProgress(
                clientId,
                stage,
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
                true);
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
                workPermitFiledOn,
                packageMailedOn,
                hearingsOfTheirOwn);
    }

    @Override
    public String toString() {
        return "PersonProgress[" + clientId + " " + stage + "]";
    }
}
