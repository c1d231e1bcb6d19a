package org.asylumcasetracker.filing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * What a caller asks a filing to record: one record per {@link EventType}, each holding the fields that
 * type takes and no others. Optional text arrives trimmed, and blank as {@code null}.
 */
public sealed interface EventCommand {

    /** The day it happened: not before the filing date, not after today where the organization works. */
    LocalDate occurredOn();

    EventType type();

    /** The person an event about one person concerns ({@code null}: the principal); none for filing-wide events. */
    default UUID clientId() {
        return null;
    }

    /** A court applicant mailed the first three pages and the instructions to USCIS. */
    record UscisPackageMailed(LocalDate occurredOn, String trackingNumber, List<UUID> clientIds)
            implements EventCommand {
        @Override
        public EventType type() {
            return EventType.USCIS_PACKAGE_MAILED;
        }
    }

    /** The receipt notice arrived; its number is checked and normalized when it is recorded. */
    record ReceiptReceived(LocalDate occurredOn, String receiptNumber, UUID clientId) implements EventCommand {
        @Override
        public EventType type() {
            return EventType.RECEIPT_RECEIVED;
        }

        @Override
        public String toString() {
            return "ReceiptReceived[" + occurredOn + "]";
        }
    }

    /** The biometrics appointment notice arrived; {@code deliveredVia} defaults from the filing channel. */
    record BiometricsNoticeReceived(
            LocalDate occurredOn,
            OffsetDateTime appointmentAt,
            String location,
            DeliveredVia deliveredVia,
            UUID clientId)
            implements EventCommand {
        @Override
        public EventType type() {
            return EventType.BIOMETRICS_NOTICE_RECEIVED;
        }
    }

    /**
     * The client asked USCIS for another appointment, before it or after missing it; {@code requestedAt} null means the
     * start of {@code occurredOn} where the organization works.
     */
    record RescheduleRequested(
            LocalDate occurredOn, RescheduleVia via, OffsetDateTime requestedAt, String reason, UUID clientId)
            implements EventCommand {
        @Override
        public EventType type() {
            return EventType.RESCHEDULE_REQUESTED;
        }

        @Override
        public String toString() {
            // a reason can hold personal details
            return "RescheduleRequested[" + occurredOn + " " + via + "]";
        }
    }

    record BiometricsCompleted(LocalDate occurredOn, Boolean stampedNoticeKept, UUID clientId) implements EventCommand {
        @Override
        public EventType type() {
            return EventType.BIOMETRICS_COMPLETED;
        }
    }

    /** USCIS reused fingerprints taken before (e.g. for another application): the person's biometrics are done. */
    record BiometricsReused(LocalDate occurredOn, UUID clientId) implements EventCommand {
        @Override
        public EventType type() {
            return EventType.BIOMETRICS_REUSED;
        }
    }

    /** The client has the notice the officer stamped, as proof that biometrics were done. */
    record StampedNoticeConfirmed(LocalDate occurredOn, UUID clientId) implements EventCommand {
        @Override
        public EventType type() {
            return EventType.STAMPED_NOTICE_CONFIRMED;
        }
    }

    record BiometricsMissed(LocalDate occurredOn, UUID clientId) implements EventCommand {
        @Override
        public EventType type() {
            return EventType.BIOMETRICS_MISSED;
        }
    }

    /** A court hearing was set, or moved: it replaces a hearing of the same kind not yet held. */
    record HearingScheduled(LocalDate occurredOn, OffsetDateTime hearingAt, HearingKind kind, List<UUID> clientIds)
            implements EventCommand {
        @Override
        public EventType type() {
            return EventType.HEARING_SCHEDULED;
        }
    }

    record ContactLogged(LocalDate occurredOn, ContactChannel channel, String note) implements EventCommand {
        @Override
        public EventType type() {
            return EventType.CONTACT_LOGGED;
        }

        @Override
        public String toString() {
            // a note can hold personal details
            return "ContactLogged[" + occurredOn + " " + channel + "]";
        }
    }

    record WorkPermitFiled(LocalDate occurredOn, UUID clientId) implements EventCommand {
        @Override
        public EventType type() {
            return EventType.WORK_PERMIT_FILED;
        }
    }

    /** {@code dueOn} null: 30 days after the notice. */
    record FeeNoticeReceived(LocalDate occurredOn, BigDecimal amount, LocalDate dueOn) implements EventCommand {
        @Override
        public EventType type() {
            return EventType.FEE_NOTICE_RECEIVED;
        }
    }

    record FeePaid(LocalDate occurredOn, BigDecimal amount) implements EventCommand {
        @Override
        public EventType type() {
            return EventType.FEE_PAID;
        }
    }

    /** {@code clientId} null: the principal. */
    record AddressChangeReported(LocalDate occurredOn, AddressForm form, UUID clientId) implements EventCommand {
        @Override
        public EventType type() {
            return EventType.ADDRESS_CHANGE_REPORTED;
        }
    }

    record Closed(LocalDate occurredOn, Outcome outcome) implements EventCommand {
        @Override
        public EventType type() {
            return EventType.CLOSED;
        }
    }
}
