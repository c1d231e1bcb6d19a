package org.asylumcasetracker.filing;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
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

    @Embedded
    private Progress progress;

    /** The day USCIS or the court received the application, when a case worker recorded one. */
    @Column(name = "received_on")
    private LocalDate receivedOn;

    @Column(name = "event_count", nullable = false)
    private int eventCount;

    /**
     * Who recorded an event (the username shown, and the token's subject that stays the same across renames),
     * on which day it happened, and when it was recorded.
     */
    public record EventContext(
            LocalDate occurredOn, String recordedBy, String recordedBySubject, OffsetDateTime recordedAt) {

        /** An event written by the service itself (demo data, imports): no person's subject. */
        public EventContext(LocalDate occurredOn, String recordedBy, OffsetDateTime recordedAt) {
            this(occurredOn, recordedBy, null, recordedAt);
        }
    }

    protected Filing() {}

    private Filing(String organizationId, UUID clientId, Venue venue, Channel channel, LocalDate filedOn) {
        this.id = UUID.randomUUID();
        this.organizationId = organizationId;
        this.clientId = clientId;
        this.venue = venue;
        this.channel = channel;
        this.filedOn = filedOn;
    }

    /** A new application in its first stage, which for court filings depends on the organization's process. */
    public static Filing open(
            String organizationId,
            UUID clientId,
            Venue venue,
            Channel channel,
            LocalDate filedOn,
            CourtBiometricsProcess courtProcess) {
        Filing filing = new Filing(organizationId, clientId, venue, venue == Venue.USCIS ? channel : null, filedOn);
        if (venue == Venue.USCIS) {
            filing.progress = Progress.startingIn(Stage.AWAITING_RECEIPT, null);
        } else if (courtProcess == CourtBiometricsProcess.AUTOMATIC) {
            // USCIS schedules biometrics from the court's records: the wait for a notice starts at filing.
            filing.progress = Progress.startingIn(Stage.AWAITING_BIOMETRICS_NOTICE, filedOn);
        } else {
            filing.progress = Progress.startingIn(Stage.AWAITING_USCIS_PACKAGE, null);
        }
        return filing;
    }

    /** The descriptive fields a case worker or clinic system may edit at any time. */
    public void describe(
            String externalRef,
            Channel channel,
            LocalDate filedOn,
            String courtName,
            OffsetDateTime individualHearingAt,
            List<UUID> familyMemberIds) {
        this.externalRef = externalRef;
        if (venue == Venue.USCIS) {
            this.channel = channel;
        }
        boolean clockFromFilingDate = progress.biometricsClockStartOn() != null
                && progress.biometricsClockStartOn().equals(this.filedOn)
                && progress.receiptReceivedOn() == null;
        progress = progress.with(p -> {
            if (clockFromFilingDate) {
                p.biometricsClockStartOn = filedOn; // the automatic court process counts from the filing date
            }
            p.individualHearingAt = individualHearingAt;
        });
        this.filedOn = filedOn;
        this.courtName = courtName;
        this.familyMemberIds = familyMemberIds == null ? List.of() : List.copyOf(familyMemberIds);
    }

    public FilingEvent recordPackageMailed(EventContext context, String tracking) {
        return record(EventType.USCIS_PACKAGE_MAILED, context, details().tracking(tracking), p -> {
            p.packageMailedOn = context.occurredOn();
            p.trackingNumber = tracking;
        });
    }

    public FilingEvent recordReceipt(EventContext context, String number) {
        return record(EventType.RECEIPT_RECEIVED, context, details().receipt(number), p -> {
            p.receiptNumber = number;
            p.receiptReceivedOn = context.occurredOn();
            p.biometricsClockStartOn = context.occurredOn();
        });
    }

    public FilingEvent recordBiometricsNotice(
            EventContext context, OffsetDateTime at, String location, DeliveredVia via) {
        DeliveredVia delivered =
                via != null ? via : channel == Channel.ONLINE ? DeliveredVia.ONLINE_ACCOUNT : DeliveredVia.MAIL;
        return record(
                EventType.BIOMETRICS_NOTICE_RECEIVED, context, details().appointment(at, location, delivered), p -> {
                    p.noticeReceivedOn = context.occurredOn();
                    p.appointmentAt = at;
                    p.appointmentLocation = location;
                    p.deliveredVia = delivered;
                    p.missedOn = null;
                });
    }

    /**
     * Asks USCIS for another appointment. Online requests are refused close to the appointment, after it,
     * and after too many reschedules ({@link OnlineReschedulePolicy}); by phone it always works.
     */
    public FilingEvent requestReschedule(
            EventContext context,
            RescheduleVia via,
            OffsetDateTime requestedAt,
            String reason,
            int cutoffHours,
            int maxOnlineReschedules) {
        if (via == RescheduleVia.ONLINE && progress.stage() == Stage.BIOMETRICS_SCHEDULED) {
            OnlineReschedulePolicy.refusal(
                            requestedAt,
                            progress.appointmentAt(),
                            progress.rescheduleCount(),
                            cutoffHours,
                            maxOnlineReschedules)
                    .ifPresent(why -> {
                        throw new DomainRuleException(OnlineReschedulePolicy.CODE, why);
                    });
        }
        return record(EventType.RESCHEDULE_REQUESTED, context, details().reschedule(via, requestedAt, reason), p -> {
            p.rescheduleCount++;
            p.biometricsClockStartOn = context.occurredOn();
            p.appointmentAt = null;
            p.appointmentLocation = null;
            p.deliveredVia = null;
            p.noticeReceivedOn = null;
        });
    }

    public FilingEvent recordBiometricsCompleted(EventContext context, Boolean stampedNoticeKeptByClient) {
        boolean kept = Boolean.TRUE.equals(stampedNoticeKeptByClient);
        return record(EventType.BIOMETRICS_COMPLETED, context, details().stamped(kept), p -> {
            p.completedOn = context.occurredOn();
            p.stampedNoticeKept = kept;
        });
    }

    public FilingEvent recordBiometricsMissed(EventContext context) {
        return record(EventType.BIOMETRICS_MISSED, context, EventDetails.NONE, p -> p.missedOn = context.occurredOn());
    }

    public FilingEvent scheduleHearing(EventContext context, OffsetDateTime hearingAt, HearingKind kind) {
        HearingKind hearingKind = kind == null ? HearingKind.MASTER_CALENDAR : kind;
        return record(EventType.HEARING_SCHEDULED, context, details().hearing(hearingAt, hearingKind), p -> {
            if (hearingKind == HearingKind.INDIVIDUAL) {
                p.individualHearingAt = hearingAt;
            }
        });
    }

    public FilingEvent logContact(EventContext context, ContactChannel contactChannel, String note) {
        return record(EventType.CONTACT_LOGGED, context, details().contact(contactChannel, note), p -> {});
    }

    public FilingEvent recordWorkPermitFiled(EventContext context) {
        return record(
                EventType.WORK_PERMIT_FILED,
                context,
                EventDetails.NONE,
                p -> p.workPermitFiledOn = context.occurredOn());
    }

    /** A person on the application reported their new address on {@code form}; it changes no stage. */
    public FilingEvent recordAddressChangeReported(EventContext context, AddressForm form, UUID person) {
        return record(EventType.ADDRESS_CHANGE_REPORTED, context, EventDetails.addressReported(form, person), p -> {});
    }

    /** USCIS or the court asked for a fee of {@code amount}, due on {@code dueOn}; it changes no stage. */
    public FilingEvent recordFeeNotice(EventContext context, BigDecimal amount, LocalDate dueOn) {
        return record(EventType.FEE_NOTICE_RECEIVED, context, EventDetails.fee(amount, dueOn), p -> {});
    }

    public FilingEvent recordFeePaid(EventContext context, BigDecimal amount) {
        return record(EventType.FEE_PAID, context, EventDetails.fee(amount, null), p -> {});
    }

    /** Whether {@code clientId} is on this application, as principal or family member. */
    public boolean includes(UUID person) {
        return clientId.equals(person) || familyMemberIds.contains(person);
    }

    public FilingEvent close(EventContext context, Outcome finalOutcome) {
        return record(EventType.CLOSED, context, details().closed(finalOutcome), p -> {
            p.outcome = finalOutcome;
            p.closedOn = context.occurredOn();
        });
    }

    /** Undoes the latest event: the filing returns to the progress the event replaced. */
    public void retract(FilingEvent latest, String by, String bySubject, OffsetDateTime at) {
        progress = latest.getProgressBefore();
        latest.markRetracted(by, bySubject, at);
    }

    /** Events that may be recorded now. */
    public List<EventType> allowedEvents() {
        return Transitions.allowedEvents(progress.stage(), venue);
    }

    /** Whether the appointment can still be moved online, as of a moment. */
    public boolean onlineRescheduleAllowed(OffsetDateTime now, int cutoffHours, int maxOnlineReschedules) {
        return progress.stage() == Stage.BIOMETRICS_SCHEDULED
                && OnlineReschedulePolicy.allowed(
                        now, progress.appointmentAt(), progress.rescheduleCount(), cutoffHours, maxOnlineReschedules);
    }

    /** The work-permit clock of the application as its events stand ({@link WorkPermitClock}). */
    public WorkPermitClock.Result workPermitClock(List<FilingEvent> events, int workPermitWaitDays) {
        return WorkPermitClock.of(receivedOn(), workPermitWaitDays, WorkPermitClock.factsOf(events));
    }

    /** The day the application was received: as recorded, else the filing date. */
    public LocalDate receivedOn() {
        return receivedOn != null ? receivedOn : filedOn;
    }

    public LocalDate getReceivedOn() {
        return receivedOn;
    }

    public void receivedOn(LocalDate day) {
        this.receivedOn = day;
    }

    /** The appointment's calendar day where the organization is. */
    public LocalDate appointmentDate(ZoneId zone) {
        return progress.appointmentAt() == null
                ? null
                : progress.appointmentAt().atZoneSameInstant(zone).toLocalDate();
    }

    private FilingEvent record(
            EventType type, EventContext context, EventDetails details, Consumer<Progress.Draft> effect) {
        Transitions.Transition transition = Transitions.of(type);
        Progress before = progress;
        if (!transition.allows(before.stage(), venue)) {
            throw new StageConflictException(
                    type + " is not allowed while the filing is " + before.stage() + ".",
                    allowedEvents().stream().map(Enum::name).toList());
        }
        progress = before.with(effect.andThen(p -> p.stage = transition.next(before.stage())));
        eventCount++;
        return new FilingEvent(
                this,
                eventCount,
                type,
                context.occurredOn(),
                details,
                before.stage(),
                progress.stage(),
                before,
                context.recordedBy(),
                context.recordedBySubject(),
                context.recordedAt());
    }

    /** What events have taught us so far. */
    public Progress progress() {
        return progress;
    }

    private static DetailsBuilder details() {
        return new DetailsBuilder();
    }

    /** Small helper so each event method names only the fields it records. */
    private static final class DetailsBuilder {
        EventDetails tracking(String tracking) {
            return new EventDetails(
                    tracking, null, null, null, null, null, null, null, null, null, null, null, null, null);
        }

        EventDetails receipt(String number) {
            return new EventDetails(
                    null, number, null, null, null, null, null, null, null, null, null, null, null, null);
        }

        EventDetails appointment(OffsetDateTime at, String location, DeliveredVia via) {
            return new EventDetails(
                    null, null, at, location, via, null, null, null, null, null, null, null, null, null);
        }

        EventDetails reschedule(RescheduleVia via, OffsetDateTime requestedAt, String reason) {
            return new EventDetails(
                    null, null, null, null, null, via, requestedAt, reason, null, null, null, null, null, null);
        }

        EventDetails stamped(boolean kept) {
            return new EventDetails(null, null, null, null, null, null, null, null, kept, null, null, null, null, null);
        }

        EventDetails hearing(OffsetDateTime at, HearingKind kind) {
            return new EventDetails(null, null, null, null, null, null, null, null, null, at, kind, null, null, null);
        }

        EventDetails contact(ContactChannel channel, String note) {
            return new EventDetails(
                    null, null, null, null, null, null, null, null, null, null, null, channel, note, null);
        }

        EventDetails closed(Outcome outcome) {
            return new EventDetails(
                    null, null, null, null, null, null, null, null, null, null, null, null, null, outcome);
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
        return progress.stage();
    }

    public OffsetDateTime getIndividualHearingAt() {
        return progress.individualHearingAt();
    }

    public int getEventCount() {
        return eventCount;
    }

    @Override
    public String toString() {
        return "Filing[" + id + " " + progress.stage() + "]";
    }
}
