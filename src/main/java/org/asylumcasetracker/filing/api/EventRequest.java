package org.asylumcasetracker.filing.api;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.asylumcasetracker.filing.AddressForm;
import org.asylumcasetracker.filing.ContactChannel;
import org.asylumcasetracker.filing.DeliveredVia;
import org.asylumcasetracker.filing.EventCommand;
import org.asylumcasetracker.filing.HearingKind;
import org.asylumcasetracker.filing.Outcome;
import org.asylumcasetracker.filing.RescheduleVia;
import org.asylumcasetracker.platform.Text;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.DiscriminatorMapping;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;

/**
 * Something that happened to an application. {@code type} names the event and decides which fields the
 * request takes: each event type has its own shape below, and a field of another shape is refused
 * ({@link StrictEventInput}). Each shape maps to its domain command.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = EventRequest.UscisPackageMailed.class, name = "USCIS_PACKAGE_MAILED"),
    @JsonSubTypes.Type(value = EventRequest.ReceiptReceived.class, name = "RECEIPT_RECEIVED"),
    @JsonSubTypes.Type(value = EventRequest.BiometricsNoticeReceived.class, name = "BIOMETRICS_NOTICE_RECEIVED"),
    @JsonSubTypes.Type(value = EventRequest.RescheduleRequested.class, name = "RESCHEDULE_REQUESTED"),
    @JsonSubTypes.Type(value = EventRequest.BiometricsCompleted.class, name = "BIOMETRICS_COMPLETED"),
    @JsonSubTypes.Type(value = EventRequest.BiometricsMissed.class, name = "BIOMETRICS_MISSED"),
    @JsonSubTypes.Type(value = EventRequest.BiometricsReused.class, name = "BIOMETRICS_REUSED"),
    @JsonSubTypes.Type(value = EventRequest.StampedNoticeConfirmed.class, name = "STAMPED_NOTICE_CONFIRMED"),
    @JsonSubTypes.Type(value = EventRequest.HearingScheduled.class, name = "HEARING_SCHEDULED"),
    @JsonSubTypes.Type(value = EventRequest.ContactLogged.class, name = "CONTACT_LOGGED"),
    @JsonSubTypes.Type(value = EventRequest.WorkPermitFiled.class, name = "WORK_PERMIT_FILED"),
    @JsonSubTypes.Type(value = EventRequest.Closed.class, name = "CLOSED"),
    @JsonSubTypes.Type(value = EventRequest.AddressChangeReported.class, name = "ADDRESS_CHANGE_REPORTED"),
    @JsonSubTypes.Type(value = EventRequest.FeeNoticeReceived.class, name = "FEE_NOTICE_RECEIVED"),
    @JsonSubTypes.Type(value = EventRequest.FeePaid.class, name = "FEE_PAID")
})
@Schema(
        name = "EventInput",
        description = "An event; `type` decides which of the shapes applies. `occurredOn` is not before the filing"
                + " date and not after today in the organization's time zone.",
        oneOf = {
            EventRequest.UscisPackageMailed.class, EventRequest.ReceiptReceived.class,
            EventRequest.BiometricsNoticeReceived.class, EventRequest.RescheduleRequested.class,
            EventRequest.BiometricsCompleted.class, EventRequest.BiometricsMissed.class,
            EventRequest.BiometricsReused.class, EventRequest.StampedNoticeConfirmed.class,
            EventRequest.HearingScheduled.class, EventRequest.ContactLogged.class,
            EventRequest.WorkPermitFiled.class, EventRequest.Closed.class,
            EventRequest.AddressChangeReported.class, EventRequest.FeeNoticeReceived.class,
            EventRequest.FeePaid.class
        },
        discriminatorProperty = "type",
        discriminatorMapping = {
            @DiscriminatorMapping(value = "USCIS_PACKAGE_MAILED", schema = EventRequest.UscisPackageMailed.class),
            @DiscriminatorMapping(value = "RECEIPT_RECEIVED", schema = EventRequest.ReceiptReceived.class),
            @DiscriminatorMapping(
                    value = "BIOMETRICS_NOTICE_RECEIVED",
                    schema = EventRequest.BiometricsNoticeReceived.class),
            @DiscriminatorMapping(value = "RESCHEDULE_REQUESTED", schema = EventRequest.RescheduleRequested.class),
            @DiscriminatorMapping(value = "BIOMETRICS_COMPLETED", schema = EventRequest.BiometricsCompleted.class),
            @DiscriminatorMapping(value = "BIOMETRICS_MISSED", schema = EventRequest.BiometricsMissed.class),
            @DiscriminatorMapping(value = "BIOMETRICS_REUSED", schema = EventRequest.BiometricsReused.class),
            @DiscriminatorMapping(
                    value = "STAMPED_NOTICE_CONFIRMED",
                    schema = EventRequest.StampedNoticeConfirmed.class),
            @DiscriminatorMapping(value = "HEARING_SCHEDULED", schema = EventRequest.HearingScheduled.class),
            @DiscriminatorMapping(value = "CONTACT_LOGGED", schema = EventRequest.ContactLogged.class),
            @DiscriminatorMapping(value = "WORK_PERMIT_FILED", schema = EventRequest.WorkPermitFiled.class),
            @DiscriminatorMapping(value = "CLOSED", schema = EventRequest.Closed.class),
            @DiscriminatorMapping(value = "ADDRESS_CHANGE_REPORTED", schema = EventRequest.AddressChangeReported.class),
            @DiscriminatorMapping(value = "FEE_NOTICE_RECEIVED", schema = EventRequest.FeeNoticeReceived.class),
            @DiscriminatorMapping(value = "FEE_PAID", schema = EventRequest.FeePaid.class)
        })
public sealed interface EventRequest {

    String OCCURRED_ON = "Not before filedOn, not after today";

    String CLIENT_ID = "The person on the application this concerns: the principal or one of the family members;"
            + " default the principal";

    /** The domain command this request asks for. */
    EventCommand toCommand();

    @Schema(
            name = "UscisPackageMailedInput",
            additionalProperties = Schema.False.class,
            requiredProperties = "type",
            properties = @SchemaProperty(name = "type", type = SchemaType.STRING, enumeration = "USCIS_PACKAGE_MAILED"))
    record UscisPackageMailed(
            @NotNull @Schema(description = OCCURRED_ON, example = "2026-01-20")
            LocalDate occurredOn,

            @Size(max = 64) @Schema(description = "The mail carrier's tracking number")
            String trackingNumber,

            @Size(max = 21)
            @Schema(
                    description = "The people on the application this package covers; default: everyone still waiting"
                            + " for one. A family member whose hearings differ from the principal's needs their own.")
            List<@NotNull UUID> clientIds)
            implements EventRequest {

        @Override
        public EventCommand toCommand() {
            return new EventCommand.UscisPackageMailed(
                    occurredOn, Text.blankToNull(trackingNumber), clientIds == null ? List.of() : clientIds);
        }
    }

    @Schema(
            name = "ReceiptReceivedInput",
            additionalProperties = Schema.False.class,
            requiredProperties = "type",
            properties = @SchemaProperty(name = "type", type = SchemaType.STRING, enumeration = "RECEIPT_RECEIVED"))
    record ReceiptReceived(
            @NotNull @Schema(description = OCCURRED_ON, example = "2026-02-20")
            LocalDate occurredOn,

            @NotBlank @Size(max = 32) @Schema(description = "3 letters + 10 digits", example = "IOE0912345678")
            String receiptNumber,

            @Schema(description = CLIENT_ID) UUID clientId)
            implements EventRequest {

        @Override
        public EventCommand toCommand() {
            return new EventCommand.ReceiptReceived(occurredOn, receiptNumber, clientId);
        }

        @Override
        public String toString() {
            return "ReceiptReceived[" + occurredOn + "]";
        }
    }

    @Schema(
            name = "BiometricsNoticeReceivedInput",
            additionalProperties = Schema.False.class,
            requiredProperties = "type",
            properties =
                    @SchemaProperty(
                            name = "type",
                            type = SchemaType.STRING,
                            enumeration = "BIOMETRICS_NOTICE_RECEIVED"))
    record BiometricsNoticeReceived(
            @NotNull @Schema(description = OCCURRED_ON, example = "2026-03-02")
            LocalDate occurredOn,

            @NotNull
            @Schema(
                    description = "The appointment, with the offset of the Application Support Center; a day that had"
                            + " already passed when the notice arrived makes the appointment missed")
            OffsetDateTime appointmentAt,

            @NotBlank @Size(max = 300) @Schema(description = "The Application Support Center")
            String location,

            @Schema(description = "Default: ONLINE_ACCOUNT for online filings, else MAIL")
            DeliveredVia deliveredVia,

            @Schema(description = CLIENT_ID) UUID clientId)
            implements EventRequest {

        @Override
        public EventCommand toCommand() {
            return new EventCommand.BiometricsNoticeReceived(
                    occurredOn, appointmentAt, location.trim(), deliveredVia, clientId);
        }
    }

    @Schema(
            name = "RescheduleRequestedInput",
            additionalProperties = Schema.False.class,
            requiredProperties = "type",
            properties = @SchemaProperty(name = "type", type = SchemaType.STRING, enumeration = "RESCHEDULE_REQUESTED"))
    record RescheduleRequested(
            @NotNull @Schema(description = OCCURRED_ON, example = "2026-03-05")
            LocalDate occurredOn,

            @NotNull @Schema(description = "Online requests are refused close to, or after, the appointment")
            RescheduleVia via,

            @Schema(
                    description = "When the request was made: not after the day of occurredOn; defaults to the start"
                            + " of that day")
            OffsetDateTime requestedAt,

            @Size(max = 2000) String reason,

            @Schema(description = CLIENT_ID) UUID clientId)
            implements EventRequest {

        @Override
        public EventCommand toCommand() {
            return new EventCommand.RescheduleRequested(
                    occurredOn, via, requestedAt, Text.blankToNull(reason), clientId);
        }

        @Override
        public String toString() {
            return "RescheduleRequested[" + occurredOn + " " + via + "]";
        }
    }

    @Schema(
            name = "BiometricsCompletedInput",
            additionalProperties = Schema.False.class,
            requiredProperties = "type",
            properties = @SchemaProperty(name = "type", type = SchemaType.STRING, enumeration = "BIOMETRICS_COMPLETED"))
    record BiometricsCompleted(
            @NotNull @Schema(description = OCCURRED_ON, example = "2026-03-16")
            LocalDate occurredOn,

            @Schema(description = "Whether the client kept the notice the officer stamped; default false")
            Boolean stampedNoticeKept,

            @Schema(description = CLIENT_ID) UUID clientId)
            implements EventRequest {

        @Override
        public EventCommand toCommand() {
            return new EventCommand.BiometricsCompleted(occurredOn, stampedNoticeKept, clientId);
        }
    }

    @Schema(
            name = "BiometricsMissedInput",
            additionalProperties = Schema.False.class,
            requiredProperties = "type",
            properties = @SchemaProperty(name = "type", type = SchemaType.STRING, enumeration = "BIOMETRICS_MISSED"))
    record BiometricsMissed(
            @NotNull @Schema(description = OCCURRED_ON, example = "2026-03-16")
            LocalDate occurredOn,

            @Schema(description = CLIENT_ID) UUID clientId)
            implements EventRequest {

        @Override
        public EventCommand toCommand() {
            return new EventCommand.BiometricsMissed(occurredOn, clientId);
        }
    }

    @Schema(
            name = "BiometricsReusedInput",
            description = "USCIS reused fingerprints taken before: the person's biometrics are done",
            additionalProperties = Schema.False.class,
            requiredProperties = "type",
            properties = @SchemaProperty(name = "type", type = SchemaType.STRING, enumeration = "BIOMETRICS_REUSED"))
    record BiometricsReused(
            @NotNull @Schema(description = OCCURRED_ON, example = "2026-03-16")
            LocalDate occurredOn,

            @Schema(description = CLIENT_ID) UUID clientId)
            implements EventRequest {

        @Override
        public EventCommand toCommand() {
            return new EventCommand.BiometricsReused(occurredOn, clientId);
        }
    }

    @Schema(
            name = "StampedNoticeConfirmedInput",
            description = "The person has the notice the officer stamped, as proof of completed biometrics",
            additionalProperties = Schema.False.class,
            requiredProperties = "type",
            properties =
                    @SchemaProperty(name = "type", type = SchemaType.STRING, enumeration = "STAMPED_NOTICE_CONFIRMED"))
    record StampedNoticeConfirmed(
            @NotNull @Schema(description = OCCURRED_ON, example = "2026-03-20")
            LocalDate occurredOn,

            @Schema(description = CLIENT_ID) UUID clientId)
            implements EventRequest {

        @Override
        public EventCommand toCommand() {
            return new EventCommand.StampedNoticeConfirmed(occurredOn, clientId);
        }
    }

    @Schema(
            name = "HearingScheduledInput",
            additionalProperties = Schema.False.class,
            requiredProperties = "type",
            properties = @SchemaProperty(name = "type", type = SchemaType.STRING, enumeration = "HEARING_SCHEDULED"))
    record HearingScheduled(
            @NotNull @Schema(description = OCCURRED_ON, example = "2026-02-10")
            LocalDate occurredOn,

            @NotNull @Schema(description = "The hearing, with offset")
            OffsetDateTime hearingAt,

            @NotNull @Schema(description = "A later hearing of the same kind replaces one not yet held")
            HearingKind kind,

            @Size(max = 20)
            @Schema(
                    description = "Family members whose case was severed from the principal's and who have this"
                            + " hearing; default: the principal's hearing, which everyone else shares")
            List<@NotNull UUID> clientIds)
            implements EventRequest {

        @Override
        public EventCommand toCommand() {
            return new EventCommand.HearingScheduled(
                    occurredOn, hearingAt, kind, clientIds == null ? List.of() : clientIds);
        }
    }

    @Schema(
            name = "ContactLoggedInput",
            additionalProperties = Schema.False.class,
            requiredProperties = "type",
            properties = @SchemaProperty(name = "type", type = SchemaType.STRING, enumeration = "CONTACT_LOGGED"))
    record ContactLogged(
            @NotNull @Schema(description = OCCURRED_ON, example = "2026-02-12")
            LocalDate occurredOn,

            @Schema(description = "Whom the case worker or client reached")
            ContactChannel channel,

            @Size(max = 4000) String note)
            implements EventRequest {

        @Override
        public EventCommand toCommand() {
            return new EventCommand.ContactLogged(occurredOn, channel, Text.blankToNull(note));
        }

        @Override
        public String toString() {
            return "ContactLogged[" + occurredOn + " " + channel + "]";
        }
    }

    @Schema(
            name = "WorkPermitFiledInput",
            additionalProperties = Schema.False.class,
            requiredProperties = "type",
            properties = @SchemaProperty(name = "type", type = SchemaType.STRING, enumeration = "WORK_PERMIT_FILED"))
    record WorkPermitFiled(
            @NotNull @Schema(description = OCCURRED_ON, example = "2026-06-15")
            LocalDate occurredOn,

            @Schema(description = CLIENT_ID) UUID clientId)
            implements EventRequest {

        @Override
        public EventCommand toCommand() {
            return new EventCommand.WorkPermitFiled(occurredOn, clientId);
        }
    }

    @Schema(
            name = "ClosedInput",
            additionalProperties = Schema.False.class,
            requiredProperties = "type",
            properties = @SchemaProperty(name = "type", type = SchemaType.STRING, enumeration = "CLOSED"))
    record Closed(
            @NotNull @Schema(description = OCCURRED_ON, example = "2026-09-01")
            LocalDate occurredOn,

            @NotNull Outcome outcome)
            implements EventRequest {

        @Override
        public EventCommand toCommand() {
            return new EventCommand.Closed(occurredOn, outcome);
        }
    }

    @Schema(
            name = "AddressChangeReportedInput",
            additionalProperties = Schema.False.class,
            requiredProperties = "type",
            properties =
                    @SchemaProperty(name = "type", type = SchemaType.STRING, enumeration = "ADDRESS_CHANGE_REPORTED"))
    record AddressChangeReported(
            @NotNull @Schema(description = OCCURRED_ON + "; the day the form was sent", example = "2026-03-09")
            LocalDate occurredOn,

            @NotNull @Schema(description = "AR_11 to USCIS; EOIR_33 to the immigration court (court filings only)")
            AddressForm form,

            @Schema(description = "The person who moved: the principal or a family member; default the principal")
            UUID clientId)
            implements EventRequest {

        @Override
        public EventCommand toCommand() {
            return new EventCommand.AddressChangeReported(occurredOn, form, clientId);
        }
    }

    @Schema(
            name = "FeeNoticeReceivedInput",
            additionalProperties = Schema.False.class,
            requiredProperties = "type",
            properties = @SchemaProperty(name = "type", type = SchemaType.STRING, enumeration = "FEE_NOTICE_RECEIVED"))
    record FeeNoticeReceived(
            @NotNull @Schema(description = OCCURRED_ON + "; the day the notice arrived", example = "2026-09-01")
            LocalDate occurredOn,

            @NotNull
            @DecimalMin("0")
            @Digits(integer = 8, fraction = 2)
            @Schema(description = "The fee asked for, in US dollars", example = "100.00")
            BigDecimal amount,

            @Schema(description = "The day the fee is due; default 30 days after the notice", example = "2026-10-01")
            LocalDate dueOn)
            implements EventRequest {

        @Override
        public EventCommand toCommand() {
            return new EventCommand.FeeNoticeReceived(occurredOn, amount, dueOn);
        }
    }

    @Schema(
            name = "FeePaidInput",
            additionalProperties = Schema.False.class,
            requiredProperties = "type",
            properties = @SchemaProperty(name = "type", type = SchemaType.STRING, enumeration = "FEE_PAID"))
    record FeePaid(
            @NotNull @Schema(description = OCCURRED_ON + "; the day of the payment", example = "2026-09-20")
            LocalDate occurredOn,

            @NotNull
            @DecimalMin("0")
            @Digits(integer = 8, fraction = 2)
            @Schema(description = "The amount paid, in US dollars", example = "100.00")
            BigDecimal amount)
            implements EventRequest {

        @Override
        public EventCommand toCommand() {
            return new EventCommand.FeePaid(occurredOn, amount);
        }
    }
}
