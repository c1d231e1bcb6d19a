package org.asylumcasetracker.filing;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.asylumcasetracker.alert.FilingFacts;
import org.asylumcasetracker.organization.CourtBiometricsProcess;
import org.asylumcasetracker.platform.persistence.AuditedEntity;
import org.asylumcasetracker.platform.problem.DomainRuleException;
import org.asylumcasetracker.platform.problem.StageConflictException;

/**
 * An asylum application (Form I-589) and how far it has come.
 *
 * <p>Filed with USCIS (by mail or online) it waits for a receipt notice. Filed in immigration court it
 * first needs a package mailed to USCIS (the first three pages and the instructions), unless the
 * organization follows the process in which USCIS schedules biometrics from court records. After the
 * receipt comes the biometrics appointment notice; the appointment is attended, missed or rescheduled.
 * Hearings, contacts and the work permit application can happen along the way; closing ends it.
 *
 * <p>Each event has one method here. {@link Transitions} decides whether it may happen; the method
 * records its facts and returns the timeline entry, which keeps the progress from before so that a
 * retraction can restore it.
 */
@Entity
@Table(name = "filing")
public class Filing extends AuditedEntity {

    @Id
    private UUID id;

    @Column(name = "organization_id", nullable = false, updatable = false)
    private String organizationId;

    @Column(name = "client_id", nullable = false, updatable = false)
    private UUID clientId;

    @Column(name = "external_ref")
    private String externalRef;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Venue venue;

    @Enumerated(EnumType.STRING)
    private Channel channel;

    @Column(name = "filed_on", nullable = false)
    private LocalDate filedOn;

    @Column(name = "court_name")
    private String courtName;

    @Convert(converter = UuidListConverter.class)
    @Column(name = "family_member_ids", nullable = false)
    private List<UUID> familyMemberIds = List.of();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Stage stage;

    @Column(name = "package_mailed_on")
    private LocalDate packageMailedOn;
    @Column(name = "tracking_number")
    private String trackingNumber;
    @Column(name = "receipt_number")
    private String receiptNumber;
    @Column(name = "receipt_received_on")
    private LocalDate receiptReceivedOn;
    @Column(name = "biometrics_clock_start_on")
    private LocalDate biometricsClockStartOn;
    @Column(name = "notice_received_on")
    private LocalDate noticeReceivedOn;
    @Column(name = "appointment_at")
    private OffsetDateTime appointmentAt;
    @Column(name = "appointment_location")
    private String appointmentLocation;
    @Enumerated(EnumType.STRING)
    @Column(name = "delivered_via")
    private DeliveredVia deliveredVia;
    @Column(name = "reschedule_count", nullable = false)
    private int rescheduleCount;
    @Column(name = "stamped_notice_kept")
    private Boolean stampedNoticeKept;
    @Column(name = "missed_on")
    private LocalDate missedOn;
    @Column(name = "completed_on")
    private LocalDate completedOn;
    @Column(name = "individual_hearing_at")
    private OffsetDateTime individualHearingAt;
    @Column(name = "work_permit_filed_on")
    private LocalDate workPermitFiledOn;
    @Enumerated(EnumType.STRING)
    private Outcome outcome;
    @Column(name = "closed_on")
    private LocalDate closedOn;

    @Column(name = "event_count", nullable = false)
    private int eventCount;

    /**
     * Who recorded an event (the username shown, and the token's subject that stays the same across renames),
     * on which day it happened, and when it was recorded.
     */
    public record EventContext(LocalDate occurredOn, String recordedBy, String recordedBySubject,
            OffsetDateTime recordedAt) {

        /** An event written by the service itself (demo data, imports): no person's subject. */
        public EventContext(LocalDate occurredOn, String recordedBy, OffsetDateTime recordedAt) {
            this(occurredOn, recordedBy, null, recordedAt);
        }
    }

    protected Filing() {
    }

    private Filing(String organizationId, UUID clientId, Venue venue, Channel channel, LocalDate filedOn) {
        this.id = UUID.randomUUID();
        this.organizationId = organizationId;
        this.clientId = clientId;
        this.venue = venue;
        this.channel = channel;
        this.filedOn = filedOn;
    }

    /** A new application in its first stage (SPEC §4), which for court filings depends on the process. */
    public static Filing open(String organizationId, UUID clientId, Venue venue, Channel channel, LocalDate filedOn,
            CourtBiometricsProcess courtProcess) {
        Filing filing = new Filing(organizationId, clientId, venue, venue == Venue.USCIS ? channel : null, filedOn);
        if (venue == Venue.USCIS) {
            filing.stage = Stage.AWAITING_RECEIPT;
        } else if (courtProcess == CourtBiometricsProcess.AUTOMATIC) {
            // USCIS schedules biometrics from the court's records: the wait for a notice starts at filing.
            filing.stage = Stage.AWAITING_BIOMETRICS_NOTICE;
            filing.biometricsClockStartOn = filedOn;
        } else {
            filing.stage = Stage.AWAITING_USCIS_PACKAGE;
        }
        return filing;
    }

    /** The descriptive fields a case worker or clinic system may edit at any time. */
    public void describe(String externalRef, Channel channel, LocalDate filedOn, String courtName,
            OffsetDateTime individualHearingAt, List<UUID> familyMemberIds) {
        this.externalRef = externalRef;
        if (venue == Venue.USCIS) {
            this.channel = channel;
        }
        if (biometricsClockStartOn != null && biometricsClockStartOn.equals(this.filedOn) && receiptReceivedOn == null) {
            biometricsClockStartOn = filedOn; // the automatic court process counts from the filing date
        }
        this.filedOn = filedOn;
        this.courtName = courtName;
        this.individualHearingAt = individualHearingAt;
        this.familyMemberIds = familyMemberIds == null ? List.of() : List.copyOf(familyMemberIds);
    }

    public FilingEvent recordPackageMailed(EventContext context, String tracking) {
        return record(EventType.USCIS_PACKAGE_MAILED, context, details().tracking(tracking), () -> {
            packageMailedOn = context.occurredOn();
            trackingNumber = tracking;
        });
    }

    public FilingEvent recordReceipt(EventContext context, String number) {
        return record(EventType.RECEIPT_RECEIVED, context, details().receipt(number), () -> {
            receiptNumber = number;
            receiptReceivedOn = context.occurredOn();
            biometricsClockStartOn = context.occurredOn();
        });
    }

    public FilingEvent recordBiometricsNotice(EventContext context, OffsetDateTime at, String location, DeliveredVia via) {
        DeliveredVia delivered = via != null ? via
                : channel == Channel.ONLINE ? DeliveredVia.ONLINE_ACCOUNT : DeliveredVia.MAIL;
        return record(EventType.BIOMETRICS_NOTICE_RECEIVED, context, details().appointment(at, location, delivered), () -> {
            noticeReceivedOn = context.occurredOn();
            appointmentAt = at;
            appointmentLocation = location;
            deliveredVia = delivered;
            missedOn = null;
        });
    }

    /**
     * Asks USCIS for another appointment. Online requests are refused close to the appointment, after it,
     * and after too many reschedules ({@link OnlineReschedulePolicy}); by phone it always works.
     */
    public FilingEvent requestReschedule(EventContext context, RescheduleVia via, OffsetDateTime requestedAt,
            String reason, int cutoffHours, int maxOnlineReschedules) {
        if (via == RescheduleVia.ONLINE && stage == Stage.BIOMETRICS_SCHEDULED) {
            OnlineReschedulePolicy.refusal(requestedAt, appointmentAt, rescheduleCount, cutoffHours, maxOnlineReschedules)
                    .ifPresent(why -> {
                        throw new DomainRuleException(OnlineReschedulePolicy.CODE, why);
                    });
        }
        return record(EventType.RESCHEDULE_REQUESTED, context, details().reschedule(via, requestedAt, reason), () -> {
            rescheduleCount++;
            biometricsClockStartOn = context.occurredOn();
            appointmentAt = null;
            appointmentLocation = null;
            deliveredVia = null;
            noticeReceivedOn = null;
        });
    }

    public FilingEvent recordBiometricsCompleted(EventContext context, Boolean stampedNoticeKeptByClient) {
        boolean kept = Boolean.TRUE.equals(stampedNoticeKeptByClient);
        return record(EventType.BIOMETRICS_COMPLETED, context, details().stamped(kept), () -> {
            completedOn = context.occurredOn();
            stampedNoticeKept = kept;
        });
    }

    public FilingEvent recordBiometricsMissed(EventContext context) {
        return record(EventType.BIOMETRICS_MISSED, context, EventDetails.NONE, () -> missedOn = context.occurredOn());
    }

    public FilingEvent scheduleHearing(EventContext context, OffsetDateTime hearingAt, HearingKind kind) {
        HearingKind hearingKind = kind == null ? HearingKind.MASTER_CALENDAR : kind;
        return record(EventType.HEARING_SCHEDULED, context, details().hearing(hearingAt, hearingKind), () -> {
            if (hearingKind == HearingKind.INDIVIDUAL) {
                individualHearingAt = hearingAt;
            }
        });
    }

    public FilingEvent logContact(EventContext context, ContactChannel contactChannel, String note) {
        return record(EventType.CONTACT_LOGGED, context, details().contact(contactChannel, note), () -> {
        });
    }

    public FilingEvent recordWorkPermitFiled(EventContext context) {
        return record(EventType.WORK_PERMIT_FILED, context, EventDetails.NONE, () -> workPermitFiledOn = context.occurredOn());
    }

    public FilingEvent close(EventContext context, Outcome finalOutcome) {
        return record(EventType.CLOSED, context, details().closed(finalOutcome), () -> {
            outcome = finalOutcome;
            closedOn = context.occurredOn();
        });
    }

    /** Undoes the latest event: the filing returns to the progress the event replaced. */
    public void retract(FilingEvent latest, String by, String bySubject, OffsetDateTime at) {
        restore(latest.getProgressBefore());
        latest.markRetracted(by, bySubject, at);
    }

    /** Events that may be recorded now. */
    public List<EventType> allowedEvents() {
        return Transitions.allowedEvents(stage, venue);
    }

    /** Whether the appointment can still be moved online, as of a moment. */
    public boolean onlineRescheduleAllowed(OffsetDateTime now, int cutoffHours, int maxOnlineReschedules) {
        return stage == Stage.BIOMETRICS_SCHEDULED
                && OnlineReschedulePolicy.allowed(now, appointmentAt, rescheduleCount, cutoffHours, maxOnlineReschedules);
    }

    public LocalDate workPermitEligibleOn(int workPermitWaitDays) {
        return filedOn.plusDays(workPermitWaitDays);
    }

    /** The appointment's calendar day where the organization is. */
    public LocalDate appointmentDate(ZoneId zone) {
        return appointmentAt == null ? null : appointmentAt.atZoneSameInstant(zone).toLocalDate();
    }

    /** What the alert rules need to know about this filing; the client's documents come from the caller. */
    public FilingFacts facts(boolean clientHasPrimaryId) {
        return new FilingFacts(id, clientId, venue, channel, stage, filedOn, packageMailedOn, receiptReceivedOn,
                biometricsClockStartOn, noticeReceivedOn, appointmentAt, deliveredVia, missedOn, completedOn,
                stampedNoticeKept, individualHearingAt, workPermitFiledOn != null, clientHasPrimaryId);
    }

    private FilingEvent record(EventType type, EventContext context, EventDetails details, Runnable effect) {
        Transitions.Transition transition = Transitions.of(type);
        if (!transition.allows(stage, venue)) {
            throw new StageConflictException(type + " is not allowed while the filing is " + stage + ".",
                    allowedEvents().stream().map(Enum::name).toList());
        }
        Progress before = progress();
        Stage stageBefore = stage;
        effect.run();
        stage = transition.next(stageBefore);
        eventCount++;
        return new FilingEvent(this, eventCount, type, context.occurredOn(), details, stageBefore, stage, before,
                context.recordedBy(), context.recordedBySubject(), context.recordedAt());
    }

    public Progress progress() {
        return new Progress(stage, packageMailedOn, trackingNumber, receiptNumber, receiptReceivedOn,
                biometricsClockStartOn, noticeReceivedOn, appointmentAt, appointmentLocation, deliveredVia,
                rescheduleCount, stampedNoticeKept, missedOn, completedOn, individualHearingAt, workPermitFiledOn,
                outcome, closedOn);
    }

    private void restore(Progress p) {
        stage = p.stage();
        packageMailedOn = p.packageMailedOn();
        trackingNumber = p.trackingNumber();
        receiptNumber = p.receiptNumber();
        receiptReceivedOn = p.receiptReceivedOn();
        biometricsClockStartOn = p.biometricsClockStartOn();
        noticeReceivedOn = p.noticeReceivedOn();
        appointmentAt = p.appointmentAt();
        appointmentLocation = p.appointmentLocation();
        deliveredVia = p.deliveredVia();
        rescheduleCount = p.rescheduleCount();
        stampedNoticeKept = p.stampedNoticeKept();
        missedOn = p.missedOn();
        completedOn = p.completedOn();
        individualHearingAt = p.individualHearingAt();
        workPermitFiledOn = p.workPermitFiledOn();
        outcome = p.outcome();
        closedOn = p.closedOn();
    }

    private static DetailsBuilder details() {
        return new DetailsBuilder();
    }

    /** Small helper so each event method names only the fields it records. */
    private static final class DetailsBuilder {
        EventDetails tracking(String tracking) {
            return new EventDetails(tracking, null, null, null, null, null, null, null, null, null, null, null, null, null);
        }

        EventDetails receipt(String number) {
            return new EventDetails(null, number, null, null, null, null, null, null, null, null, null, null, null, null);
        }

        EventDetails appointment(OffsetDateTime at, String location, DeliveredVia via) {
            return new EventDetails(null, null, at, location, via, null, null, null, null, null, null, null, null, null);
        }

        EventDetails reschedule(RescheduleVia via, OffsetDateTime requestedAt, String reason) {
            return new EventDetails(null, null, null, null, null, via, requestedAt, reason, null, null, null, null, null, null);
        }

        EventDetails stamped(boolean kept) {
            return new EventDetails(null, null, null, null, null, null, null, null, kept, null, null, null, null, null);
        }

        EventDetails hearing(OffsetDateTime at, HearingKind kind) {
            return new EventDetails(null, null, null, null, null, null, null, null, null, at, kind, null, null, null);
        }

        EventDetails contact(ContactChannel channel, String note) {
            return new EventDetails(null, null, null, null, null, null, null, null, null, null, null, channel, note, null);
        }

        EventDetails closed(Outcome outcome) {
            return new EventDetails(null, null, null, null, null, null, null, null, null, null, null, null, null, outcome);
        }
    }

    public UUID getId() {
        return id;
    }

    public String getOrganizationId() {
        return organizationId;
    }

    public UUID getClientId() {
        return clientId;
    }

    public String getExternalRef() {
        return externalRef;
    }

    public Venue getVenue() {
        return venue;
    }

    public Channel getChannel() {
        return channel;
    }

    public LocalDate getFiledOn() {
        return filedOn;
    }

    public String getCourtName() {
        return courtName;
    }

    public List<UUID> getFamilyMemberIds() {
        return familyMemberIds;
    }

    public Stage getStage() {
        return stage;
    }

    public OffsetDateTime getIndividualHearingAt() {
        return individualHearingAt;
    }

    public int getEventCount() {
        return eventCount;
    }

    @Override
    public String toString() {
        return "Filing[" + id + " " + stage + "]";
    }
}
