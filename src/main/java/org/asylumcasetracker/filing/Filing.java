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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.asylumcasetracker.organization.CourtBiometricsProcess;
import org.asylumcasetracker.platform.persistence.AuditedEntity;
import org.asylumcasetracker.platform.problem.DomainRuleException;
import org.asylumcasetracker.platform.problem.InvalidInputException;
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
 * <p>Each event has one method here. {@link Transitions} decides whether it may happen; {@link FilingHistory}
 * says what it changes, and the filing's progress is always the fold of its events in effect, so retracting an
 * event folds the others again. Hearings are facts of events; an individual hearing entered on the filing itself
 * (a court notice typed in with the filing) counts only while no event has set one.
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

    /** The organization's court process when the filing was opened: it decides where a court filing starts. */
    @Enumerated(EnumType.STRING)
    @Column(name = "court_process", updatable = false)
    private CourtBiometricsProcess courtProcess;

    /** A USCIS filing sent by mail: the mail carrier's tracking number. */
    @Column(name = "mailing_tracking_number")
    private String mailingTrackingNumber;

    /** The individual hearing as entered on the filing, not by an event. */
    @Column(name = "entered_individual_hearing_at")
    private OffsetDateTime enteredIndividualHearingAt;

    @Embedded
    private Progress progress;

    /** The day USCIS or the court received the application, when a case worker recorded one. */
    @Column(name = "received_on")
    private LocalDate receivedOn;

    @Column(name = "event_count", nullable = false)
    private int eventCount;

    /** The latest day an event in effect happened on ({@code null}: none yet). */
    @Column(name = "latest_event_on")
    private LocalDate latestEventOn;

    /**
     * Who recorded an event (the username shown, and the token's subject that stays the same across renames),
     * on which day it happened, when it was recorded, the organization's time zone (a hearing's calendar day), and
     * for an event that concerns one person on the application, who ({@code person}, {@code null}: the principal).
     */
    public record EventContext(
            LocalDate occurredOn,
            String recordedBy,
            String recordedBySubject,
            OffsetDateTime recordedAt,
            ZoneId zone,
            UUID person,
            List<UUID> covering) {

        public EventContext(
                LocalDate occurredOn,
                String recordedBy,
                String recordedBySubject,
                OffsetDateTime recordedAt,
                ZoneId zone,
                UUID person) {
            this(occurredOn, recordedBy, recordedBySubject, recordedAt, zone, person, List.of());
        }

        public EventContext(
                LocalDate occurredOn,
                String recordedBy,
                String recordedBySubject,
                OffsetDateTime recordedAt,
                ZoneId zone) {
            this(occurredOn, recordedBy, recordedBySubject, recordedAt, zone, null, List.of());
        }

        /** An event written by the service itself (demo data, imports): no person's subject. */
        public EventContext(LocalDate occurredOn, String recordedBy, OffsetDateTime recordedAt, ZoneId zone) {
            this(occurredOn, recordedBy, null, recordedAt, zone, null, List.of());
        }

        /** The same circumstances, for an event about {@code client}. */
        public EventContext about(UUID client) {
            return new EventContext(occurredOn, recordedBy, recordedBySubject, recordedAt, zone, client, covering);
        }

        /**
         * The same circumstances, for a package or a hearing that covers only some people ({@code clients}; empty:
         * for a package everyone still waiting for one, for a hearing everyone who shares the principal's).
         */
        public EventContext covering(List<UUID> clients) {
            return new EventContext(
                    occurredOn,
                    recordedBy,
                    recordedBySubject,
                    recordedAt,
                    zone,
                    person,
                    clients == null ? List.of() : List.copyOf(clients));
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
        filing.courtProcess = venue == Venue.IMMIGRATION_COURT ? courtProcess : null;
        filing.progress = filing.start();
        return filing;
    }

    private Progress start() {
        return FilingHistory.start(venue, courtProcess, filedOn, familyMemberIds);
    }

    /**
     * The descriptive fields a case worker or clinic system may edit at any time. They never touch what events
     * recorded; when the filing date or the family members change, call {@link #refold} so that the clocks counting
     * from the filing date, and the people on the application, follow.
     */
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
        this.enteredIndividualHearingAt = individualHearingAt;
        this.filedOn = filedOn;
        this.courtName = courtName;
        if (venue == Venue.IMMIGRATION_COURT) {
            this.mailingTrackingNumber = null; // a court filing's package has its own, on USCIS_PACKAGE_MAILED
        }
        this.familyMemberIds = familyMemberIds == null ? List.of() : List.copyOf(familyMemberIds);
    }

    public FilingEvent recordPackageMailed(EventContext context, String tracking) {
        return record(EventType.USCIS_PACKAGE_MAILED, context, details().tracking(tracking));
    }

    public FilingEvent recordReceipt(EventContext context, String number) {
        return record(EventType.RECEIPT_RECEIVED, context, details().receipt(number));
    }

    public FilingEvent recordBiometricsNotice(
            EventContext context, OffsetDateTime at, String location, DeliveredVia via) {
        DeliveredVia delivered =
                via != null ? via : channel == Channel.ONLINE ? DeliveredVia.ONLINE_ACCOUNT : DeliveredVia.MAIL;
        return record(EventType.BIOMETRICS_NOTICE_RECEIVED, context, details().appointment(at, location, delivered));
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
        PersonProgress person = person(context.person());
        if (via == RescheduleVia.ONLINE && person.stage() == Stage.BIOMETRICS_SCHEDULED) {
            OnlineReschedulePolicy.refusal(
                            requestedAt,
                            person.appointmentAt(),
                            person.rescheduleCount(),
                            cutoffHours,
                            maxOnlineReschedules)
                    .ifPresent(why -> {
                        throw new DomainRuleException(OnlineReschedulePolicy.CODE, why);
                    });
        }
        return record(EventType.RESCHEDULE_REQUESTED, context, details().reschedule(via, requestedAt, reason));
    }

    public FilingEvent recordBiometricsCompleted(EventContext context, Boolean stampedNoticeKeptByClient) {
        return record(
                EventType.BIOMETRICS_COMPLETED,
                context,
                details().stamped(Boolean.TRUE.equals(stampedNoticeKeptByClient)));
    }

    public FilingEvent recordBiometricsReused(EventContext context) {
        return record(EventType.BIOMETRICS_REUSED, context, EventDetails.NONE);
    }

    public FilingEvent confirmStampedNotice(EventContext context) {
        return record(EventType.STAMPED_NOTICE_CONFIRMED, context, EventDetails.NONE);
    }

    public FilingEvent recordBiometricsMissed(EventContext context) {
        return record(EventType.BIOMETRICS_MISSED, context, EventDetails.NONE);
    }

    public FilingEvent scheduleHearing(EventContext context, OffsetDateTime hearingAt, HearingKind kind) {
        return record(EventType.HEARING_SCHEDULED, context, details().hearing(hearingAt, kind));
    }

    public FilingEvent logContact(EventContext context, ContactChannel contactChannel, String note) {
        return record(EventType.CONTACT_LOGGED, context, details().contact(contactChannel, note));
    }

    public FilingEvent recordWorkPermitFiled(EventContext context) {
        return record(EventType.WORK_PERMIT_FILED, context, EventDetails.NONE);
    }

    /** A person on the application reported their new address on {@code form}; it changes no stage. */
    public FilingEvent recordAddressChangeReported(EventContext context, AddressForm form, UUID person) {
        return record(EventType.ADDRESS_CHANGE_REPORTED, context, EventDetails.addressReported(form, person));
    }

    /** USCIS or the court asked for a fee of {@code amount}, due on {@code dueOn}; it changes no stage. */
    public FilingEvent recordFeeNotice(EventContext context, BigDecimal amount, LocalDate dueOn) {
        return record(EventType.FEE_NOTICE_RECEIVED, context, EventDetails.fee(amount, dueOn));
    }

    public FilingEvent recordFeePaid(EventContext context, BigDecimal amount) {
        return record(EventType.FEE_PAID, context, EventDetails.fee(amount, null));
    }

    /** Whether {@code clientId} is on this application, as principal or family member. */
    public boolean includes(UUID person) {
        return clientId.equals(person) || familyMemberIds.contains(person);
    }

    public FilingEvent close(EventContext context, Outcome finalOutcome) {
        return record(EventType.CLOSED, context, details().closed(finalOutcome));
    }

    /**
     * Takes back the latest event: the progress becomes the fold of the events still in effect ({@code remaining},
     * oldest first, without the retracted one), so what events after it changed stays changed.
     */
    public void retract(
            FilingEvent latest,
            List<FilingHistory.Entry> remaining,
            String by,
            String bySubject,
            OffsetDateTime at,
            ZoneId zone) {
        latest.markRetracted(by, bySubject, at);
        refold(remaining, zone);
    }

    /**
     * The progress as it stood at the end of {@code day}: the fold of the events in effect ({@code inEffect}, in the
     * order they were recorded) that happened on or before it. Events that happened later are left out, so the
     * answer for a past day does not change when facts about later days are recorded.
     */
    public Progress progressOn(LocalDate day, List<FilingHistory.Entry> inEffect, ZoneId zone) {
        return FilingHistory.fold(
                start(),
                inEffect.stream().filter(e -> !e.occurredOn().isAfter(day)).toList(),
                zone);
    }

    /** Everyone on the application in a progress of this filing, the principal first. */
    public List<PersonProgress> people(Progress of) {
        List<PersonProgress> people = new ArrayList<>();
        people.add(of.principal(clientId));
        people.addAll(of.members());
        return people;
    }

    /** Derives the progress again from the events in effect, oldest first (after a retraction or a new filing date). */
    public void refold(List<FilingHistory.Entry> inEffect, ZoneId zone) {
        progress = FilingHistory.fold(start(), inEffect, zone);
        latestEventOn = inEffect.stream()
                .map(FilingHistory.Entry::occurredOn)
                .max(LocalDate::compareTo)
                .orElse(null);
    }

    /**
     * Whether an event in effect happened after {@code day}: then the progress as it stood on that day is not the
     * progress kept in the row, and must be folded again from the events up to it ({@link #progressOn}).
     */
    public boolean hasEventsAfter(LocalDate day) {
        return latestEventOn != null && latestEventOn.isAfter(day);
    }

    /** Events that may be recorded now: for the filing, or for at least one of its people. */
    public List<EventType> allowedEvents() {
        List<Stage> stages = people().stream().map(PersonProgress::stage).toList();
        return Transitions.TABLE.stream()
                .filter(t -> t.event().concernsOnePerson()
                        ? stages.stream().anyMatch(stage -> t.allows(stage, venue))
                        : t.allows(progress.stage(), venue))
                .map(Transitions.Transition::event)
                .toList();
    }

    /** The events about one person that may be recorded for them now. */
    public List<EventType> allowedEvents(PersonProgress person) {
        return Transitions.allowedEvents(person.stage(), venue).stream()
                .filter(EventType::concernsOnePerson)
                .toList();
    }

    /** Everyone on the application, the principal first, then each family member. */
    public List<PersonProgress> people() {
        return people(progress);
    }

    /** One person's progress; {@code null} means the principal. */
    public PersonProgress person(UUID client) {
        if (client == null || client.equals(clientId)) {
            return progress.principal(clientId);
        }
        return progress.members().stream()
                .filter(m -> m.clientId().equals(client))
                .findFirst()
                .orElseThrow(() -> InvalidInputException.of("clientId", "is not a person on this application"));
    }

    /** Whether the person's appointment can still be moved online, as of a moment. */
    public boolean onlineRescheduleAllowed(
            PersonProgress person, OffsetDateTime now, int cutoffHours, int maxOnlineReschedules) {
        return person.stage() == Stage.BIOMETRICS_SCHEDULED
                && OnlineReschedulePolicy.allowed(
                        now, person.appointmentAt(), person.rescheduleCount(), cutoffHours, maxOnlineReschedules);
    }

    /** A person's work-permit clock as the filing's events stand ({@link WorkPermitClock}). */
    public WorkPermitClock.Result workPermitClock(PersonProgress person, int workPermitWaitDays) {
        return WorkPermitClock.of(
                receivedOn(),
                workPermitWaitDays,
                WorkPermitClock.factsOf(progress.keptEvents(), person.clientId(), clientId));
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

    /** A person's appointment's calendar day where the organization is. */
    public static LocalDate appointmentDate(PersonProgress person, ZoneId zone) {
        return person.appointmentAt() == null
                ? null
                : person.appointmentAt().atZoneSameInstant(zone).toLocalDate();
    }

    private FilingEvent record(EventType type, EventContext context, EventDetails details) {
        Progress before = progress;
        UUID about = null;
        if (type.concernsOnePerson()) {
            PersonProgress person = person(context.person());
            about = person.clientId();
            if (!Transitions.of(type).allows(person.stage(), venue)) {
                // what may be recorded now about this person, and about the whole filing
                List<String> allowed = Transitions.TABLE.stream()
                        .filter(t -> t.event().concernsOnePerson()
                                ? t.allows(person.stage(), venue)
                                : t.allows(before.stage(), venue))
                        .map(t -> t.event().name())
                        .toList();
                throw new StageConflictException(
                        type + " is not allowed while this person is " + person.stage() + ".", allowed);
            }
        } else if (!Transitions.of(type).allows(before.stage(), venue)) {
            throw new StageConflictException(
                    type + " is not allowed while the filing is " + before.stage() + ".",
                    allowedEvents().stream().map(Enum::name).toList());
        }
        List<UUID> covering = context.covering();
        for (UUID client : covering) {
            if (!client.equals(clientId) && !familyMemberIds.contains(client)) {
                throw InvalidInputException.of("clientIds", "must all be people on this application");
            }
        }
        progress = FilingHistory.apply(
                before, entry(type, context.occurredOn(), details, about, covering), context.zone());
        eventCount++;
        if (latestEventOn == null || context.occurredOn().isAfter(latestEventOn)) {
            latestEventOn = context.occurredOn();
        }
        return new FilingEvent(
                this,
                eventCount,
                type,
                context.occurredOn(),
                details,
                about,
                covering,
                before.stage(),
                progress.stage(),
                context.recordedBy(),
                context.recordedBySubject(),
                context.recordedAt());
    }

    /** An event as the fold sees it: about a family member, or (person {@code null}) about the principal. */
    FilingHistory.Entry entry(
            EventType type, LocalDate occurredOn, EventDetails details, UUID about, List<UUID> covering) {
        return new FilingHistory.Entry(
                type, occurredOn, details, clientId.equals(about) ? null : about, covering, clientId);
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

    /** The individual hearing: the latest one events set, else the one entered on the filing. */
    public OffsetDateTime getIndividualHearingAt() {
        return progress.individualHearingAt() != null ? progress.individualHearingAt() : enteredIndividualHearingAt;
    }

    /** The individual hearing as entered on the filing (what PATCH and PUT edit). */
    public OffsetDateTime getEnteredIndividualHearingAt() {
        return enteredIndividualHearingAt;
    }

    public List<Hearing> getHearings() {
        return progress.hearings();
    }

    /** A USCIS mail filing's tracking number as entered on the filing. */
    public String getMailingTrackingNumber() {
        return mailingTrackingNumber;
    }

    /** Sets the tracking number of a USCIS filing sent by mail. */
    public void mailedWith(String trackingNumber) {
        this.mailingTrackingNumber = venue == Venue.USCIS && channel == Channel.MAIL ? trackingNumber : null;
    }

    public CourtBiometricsProcess getCourtProcess() {
        return courtProcess;
    }

    public int getEventCount() {
        return eventCount;
    }

    public LocalDate getLatestEventOn() {
        return latestEventOn;
    }

    @Override
    public String toString() {
        return "Filing[" + id + " " + progress.stage() + "]";
    }
}
