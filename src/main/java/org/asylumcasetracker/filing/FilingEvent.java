package org.asylumcasetracker.filing;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * One entry of a filing's timeline. Events are never changed or deleted; a supervisor can only mark the
 * latest one retracted, after which the filing's progress is folded from the others ({@link FilingHistory}).
 */
@Entity
@Table(name = "filing_event")
public class FilingEvent {

    @Id
    private UUID id;

    @Column(name = "filing_id", nullable = false, updatable = false)
    private UUID filingId;

    @Column(name = "organization_id", nullable = false, updatable = false)
    private String organizationId;

    @Column(nullable = false, updatable = false)
    private int sequence;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private EventType type;

    @Column(name = "occurred_on", nullable = false, updatable = false)
    private LocalDate occurredOn;

    /** The person an event about one person concerns; none for an event about the whole filing. */
    @Column(name = "client_id", updatable = false)
    private UUID clientId;

    /** The people a package or a hearing covers, when the event names them. */
    @Convert(converter = UuidListConverter.class)
    @Column(name = "client_ids", nullable = false, updatable = false)
    private List<UUID> clientIds = List.of();

    @Column(name = "tracking_number", updatable = false)
    private String trackingNumber;

    @Column(name = "receipt_number", updatable = false)
    private String receiptNumber;

    @Column(name = "appointment_at", updatable = false)
    private OffsetDateTime appointmentAt;

    @Column(updatable = false)
    private String location;

    @Enumerated(EnumType.STRING)
    @Column(name = "delivered_via", updatable = false)
    private DeliveredVia deliveredVia;

    @Enumerated(EnumType.STRING)
    @Column(name = "reschedule_via", updatable = false)
    private RescheduleVia via;

    @Column(name = "requested_at", updatable = false)
    private OffsetDateTime requestedAt;

    @Column(updatable = false)
    private String reason;

    @Column(name = "stamped_notice_kept", updatable = false)
    private Boolean stampedNoticeKept;

    @Column(name = "hearing_at", updatable = false)
    private OffsetDateTime hearingAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "hearing_kind", updatable = false)
    private HearingKind kind;

    @Enumerated(EnumType.STRING)
    @Column(name = "contact_channel", updatable = false)
    private ContactChannel channel;

    @Column(updatable = false)
    private String note;

    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    private Outcome outcome;

    @Enumerated(EnumType.STRING)
    @Column(name = "address_form", updatable = false)
    private AddressForm addressForm;

    @Column(name = "address_client_id", updatable = false)
    private UUID addressClientId;

    @Column(name = "fee_amount", updatable = false)
    private BigDecimal feeAmount;

    @Column(name = "fee_due_on", updatable = false)
    private LocalDate feeDueOn;

    @Enumerated(EnumType.STRING)
    @Column(name = "stage_before", nullable = false, updatable = false)
    private Stage stageBefore;

    @Enumerated(EnumType.STRING)
    @Column(name = "stage_after", nullable = false, updatable = false)
    private Stage stageAfter;

    @Column(name = "recorded_by", nullable = false, updatable = false)
    private String recordedBy;

    @Column(name = "recorded_by_subject", updatable = false)
    private String recordedBySubject;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private OffsetDateTime recordedAt;

    @Column(name = "retracted_by")
    private String retractedBy;

    @Column(name = "retracted_by_subject")
    private String retractedBySubject;

    @Column(name = "retracted_at")
    private OffsetDateTime retractedAt;

    protected FilingEvent() {}

    @SuppressWarnings("java:S107")
    FilingEvent(
            Filing filing,
            int sequence,
            EventType type,
            LocalDate occurredOn,
            EventDetails details,
            UUID clientId,
            List<UUID> clientIds,
            Stage stageBefore,
            Stage stageAfter,
            String recordedBy,
            String recordedBySubject,
            OffsetDateTime recordedAt) {
        this.id = UUID.randomUUID();
        this.filingId = filing.getId();
        this.organizationId = filing.getOrganizationId();
        this.sequence = sequence;
        this.type = type;
        this.occurredOn = occurredOn;
        this.clientId = clientId;
        this.clientIds = List.copyOf(clientIds);
        this.trackingNumber = details.trackingNumber();
        this.receiptNumber = details.receiptNumber();
        this.appointmentAt = details.appointmentAt();
        this.location = details.location();
        this.deliveredVia = details.deliveredVia();
        this.via = details.via();
        this.requestedAt = details.requestedAt();
        this.reason = details.reason();
        this.stampedNoticeKept = details.stampedNoticeKept();
        this.hearingAt = details.hearingAt();
        this.kind = details.kind();
        this.channel = details.channel();
        this.note = details.note();
        this.outcome = details.outcome();
        this.addressForm = details.addressForm();
        this.addressClientId = details.addressClientId();
        this.feeAmount = details.feeAmount();
        this.feeDueOn = details.feeDueOn();
        this.stageBefore = stageBefore;
        this.stageAfter = stageAfter;
        this.recordedBy = recordedBy;
        this.recordedBySubject = recordedBySubject;
        this.recordedAt = recordedAt;
    }

    void markRetracted(String by, String bySubject, OffsetDateTime at) {
        this.retractedBy = by;
        this.retractedBySubject = bySubject;
        this.retractedAt = at;
    }

    /** The recording person's subject (token {@code sub}); none for events written before subjects were kept. */
    public String getRecordedBySubject() {
        return recordedBySubject;
    }

    public boolean isRetracted() {
        return retractedAt != null;
    }

    public EventDetails details() {
        return new EventDetails(
                trackingNumber,
                receiptNumber,
                appointmentAt,
                location,
                deliveredVia,
                via,
                requestedAt,
                reason,
                stampedNoticeKept,
                hearingAt,
                kind,
                channel,
                note,
                outcome,
                addressForm,
                addressClientId,
                feeAmount,
                feeDueOn);
    }

    public UUID getId() {
        return id;
    }

    public UUID getFilingId() {
        return filingId;
    }

    public String getOrganizationId() {
        return organizationId;
    }

    public int getSequence() {
        return sequence;
    }

    public EventType getType() {
        return type;
    }

    public LocalDate getOccurredOn() {
        return occurredOn;
    }

    public Stage getStageBefore() {
        return stageBefore;
    }

    public Stage getStageAfter() {
        return stageAfter;
    }

    /** This event as {@link FilingHistory} folds it, on a filing whose principal is {@code principalId}. */
    public FilingHistory.Entry toEntry(UUID principalId) {
        return new FilingHistory.Entry(
                type, occurredOn, details(), principalId.equals(clientId) ? null : clientId, clientIds, principalId);
    }

    public List<UUID> getClientIds() {
        return clientIds;
    }

    /** The person the event concerns, if it concerns one person. */
    public UUID getClientId() {
        return clientId;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public OffsetDateTime getRecordedAt() {
        return recordedAt;
    }

    public String getRetractedBy() {
        return retractedBy;
    }

    public OffsetDateTime getRetractedAt() {
        return retractedAt;
    }

    @Override
    public String toString() {
        return "FilingEvent[" + id + " " + type + "]";
    }
}
