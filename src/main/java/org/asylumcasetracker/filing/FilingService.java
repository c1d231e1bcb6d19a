package org.asylumcasetracker.filing;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.asylumcasetracker.client.ClientRepository;
import org.asylumcasetracker.filing.FilingRepository.FilingForView;
import org.asylumcasetracker.organization.CurrentOrganization;
import org.asylumcasetracker.organization.Organization;
import org.asylumcasetracker.organization.OrganizationSettings;
import org.asylumcasetracker.platform.Text;
import org.asylumcasetracker.platform.api.ByRefUpsert;
import org.asylumcasetracker.platform.api.ByRefUpsert.Upserted;
import org.asylumcasetracker.platform.api.ETags;
import org.asylumcasetracker.platform.api.PageResponse;
import org.asylumcasetracker.platform.problem.ConflictException;
import org.asylumcasetracker.platform.problem.DomainRuleException;
import org.asylumcasetracker.platform.problem.FieldError;
import org.asylumcasetracker.platform.problem.InvalidInputException;
import org.asylumcasetracker.platform.problem.ResourceNotFoundException;
import org.asylumcasetracker.platform.security.Caller;
import org.jboss.logging.Logger;

/**
 * Opens and edits filings and records their events, always within the caller's organization. Field
 * rules that need the organization's calendar live here; the filing itself decides what may happen.
 */
@ApplicationScoped
public class FilingService {

    private static final Logger LOG = Logger.getLogger(FilingService.class);

    private final FilingRepository filings;
    private final FilingEventRepository events;
    private final ClientRepository clients;
    private final CurrentOrganization organization;
    private final Caller caller;
    private final Clock clock;
    private final Event<FilingChanged> changed;

    @Inject
    public FilingService(
            FilingRepository filings,
            FilingEventRepository events,
            ClientRepository clients,
            CurrentOrganization organization,
            Caller caller,
            Clock clock,
            Event<FilingChanged> changed) {
        this.changed = changed;
        this.filings = filings;
        this.events = events;
        this.clients = clients;
        this.organization = organization;
        this.caller = caller;
        this.clock = clock;
    }

    /** An event as recorded, its filing, and whether the filing's client holds a primary ID (for the view). */
    public record Recorded(FilingEvent event, Filing filing, Map<UUID, Boolean> hasPrimaryId) {}

    @Transactional
    public Filing create(FilingDescription request) {
        Organization org = organization.organization();
        checkFields(request, null);
        Filing filing = Filing.open(
                org.getId(),
                request.clientId(),
                request.venue(),
                request.channel(),
                request.filedOn(),
                org.settings().courtBiometricsProcess());
        describe(filing, request);
        filings.persistAndFlush(filing);
        changed.fire(new FilingChanged(
                filing.getId(),
                filing.getOrganizationId(),
                FilingChanged.Kind.CREATED,
                null,
                null,
                filing.getStage(),
                filing.getVersion()));
        return filing;
    }

    public Filing get(UUID id) {
        return filings.findInOrganization(organization.id(), id)
                .orElseThrow(() -> new ResourceNotFoundException("Filing", id));
    }

    /** The filing with what its view needs of the client, read together. */
    public FilingForView read(UUID id) {
        return filings.findForView(organization.id(), id)
                .orElseThrow(() -> new ResourceNotFoundException("Filing", id));
    }

    public PageResponse<Filing> list(Stage stage, Venue venue, UUID clientId, String caseworker, int page, int size) {
        PanacheQuery<Filing> query = filings.search(organization.id(), stage, venue, clientId, caseworker);
        return new PageResponse<>(query.page(Page.of(page, size)).list(), page, size, query.count());
    }

    /** Changes descriptive fields: {@code change} gives the new description from the filing as it is. */
    @Transactional
    public Filing patch(UUID id, Function<Filing, FilingDescription> change, String ifMatch) {
        Filing filing = get(id);
        ETags.checkIfMatch(ifMatch, filing.getVersion());
        FilingDescription merged = change.apply(filing);
        checkFields(merged, filing);
        describe(filing, merged);
        filings.flush();
        fireUpdated(filing);
        return filing;
    }

    /** PUT by the clinic system's own id: opens the filing, or replaces its descriptive fields. */
    @Transactional
    public Upserted<Filing> upsert(String externalRef, FilingDescription request, String ifMatch) {
        FilingDescription withRef = request.withExternalRef(externalRef);
        return ByRefUpsert.upsert(
                "Filing",
                externalRef,
                request.externalRef(),
                ifMatch,
                () -> filings.findByExternalRef(organization.id(), externalRef),
                Filing::getVersion,
                () -> create(withRef),
                filing -> {
                    checkFields(withRef, filing);
                    // a clinic system that does not carry the hearing keeps the one entered before
                    describe(
                            filing,
                            withRef.individualHearingAt() != null
                                    ? withRef
                                    : withRef.withIndividualHearingAt(filing.getEnteredIndividualHearingAt()));
                    filings.flush();
                    fireUpdated(filing);
                    return filing;
                });
    }

    public PageResponse<FilingEvent> timeline(UUID filingId, int page, int size) {
        Filing filing = get(filingId);
        return new PageResponse<>(
                events.timeline(filing.getId(), page, size), page, size, events.countFor(filing.getId()));
    }

    /**
     * Records an event. The filing's row is locked first, so two events sent at the same moment apply one
     * after the other, each against the stage the other left.
     */
    @Transactional
    public Recorded recordEvent(UUID filingId, EventCommand command, String ifMatch) {
        FilingForView locked = filings.lockForView(organization.id(), filingId, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> new ResourceNotFoundException("Filing", filingId));
        Filing filing = locked.filing();
        ETags.checkIfMatch(ifMatch, filing.getVersion());
        ZoneId zone = organization.zone();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        if (command.occurredOn().isBefore(filing.getFiledOn())) {
            throw InvalidInputException.of("occurredOn", "must not be before the filing date " + filing.getFiledOn());
        }
        if (command.occurredOn().isAfter(today)) {
            throw InvalidInputException.of("occurredOn", "must not be in the future (today is " + today + ")");
        }
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        Filing.EventContext context =
                new Filing.EventContext(command.occurredOn(), caller.username(), caller.subject(), now, zone);
        Progress progressBefore = filing.progress();
        FilingEvent event = apply(filing, command, context, zone, now);
        events.persist(event);
        filings.flush();
        LOG.debugf("Recorded %s on filing %s, now %s", event.getType(), filing.getId(), filing.getStage());
        changed.fire(new FilingChanged(
                filing.getId(),
                filing.getOrganizationId(),
                FilingChanged.Kind.EVENT_RECORDED,
                event.getId(),
                event.getStageBefore(),
                event.getStageAfter(),
                filing.getVersion(),
                // Progress holds every fact the rules read, the fee events and the clock's included
                !filing.progress().equals(progressBefore),
                event.getClientId(),
                FilingChanged.movedClientOf(event)));
        return new Recorded(event, filing, locked.hasPrimaryId());
    }

    /** A supervisor takes back the latest event; the timeline keeps it, marked as retracted. */
    @Transactional
    public Recorded retract(UUID filingId, UUID eventId) {
        FilingForView locked = filings.lockForView(
                        organization.id(), filingId, LockModeType.PESSIMISTIC_FORCE_INCREMENT)
                .orElseThrow(() -> new ResourceNotFoundException("Filing", filingId));
        Filing filing = locked.filing();
        FilingEvent event = events.findByIdOptional(eventId)
                .filter(e -> e.getFilingId().equals(filing.getId()))
                .orElseThrow(() -> new ResourceNotFoundException("Event", eventId));
        FilingEvent latest = events.latestInEffect(filing.getId()).orElse(null);
        if (event.isRetracted()) {
            throw new ConflictException("This event is already retracted.");
        }
        if (latest == null || !latest.getId().equals(event.getId())) {
            throw new ConflictException("Only the latest event that is still in effect can be retracted.");
        }
        Stage stageBefore = filing.getStage();
        List<FilingHistory.Entry> remaining = events.historyInEffect(filing);
        filing.retract(
                event,
                remaining.subList(0, remaining.size() - 1),
                caller.username(),
                caller.subject(),
                OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS),
                organization.zone());
        filings.flush();
        changed.fire(new FilingChanged(
                filing.getId(),
                filing.getOrganizationId(),
                FilingChanged.Kind.EVENT_RETRACTED,
                event.getId(),
                stageBefore,
                filing.getStage(),
                filing.getVersion(),
                true,
                event.getClientId(),
                FilingChanged.movedClientOf(event)));
        return new Recorded(event, filing, locked.hasPrimaryId());
    }

    private void fireUpdated(Filing filing) {
        changed.fire(new FilingChanged(
                filing.getId(),
                filing.getOrganizationId(),
                FilingChanged.Kind.UPDATED,
                null,
                filing.getStage(),
                filing.getStage(),
                filing.getVersion()));
    }

    private FilingEvent apply(
            Filing filing, EventCommand command, Filing.EventContext eventContext, ZoneId zone, OffsetDateTime now) {
        Filing.EventContext context = eventContext.about(command.clientId());
        if (command instanceof EventCommand.UscisPackageMailed mailed) {
            return filing.recordPackageMailed(context.covering(mailed.clientIds()), mailed.trackingNumber());
        }
        if (command instanceof EventCommand.ReceiptReceived receipt) {
            String number = ReceiptNumber.normalize(receipt.receiptNumber())
                    .orElseThrow(() -> InvalidInputException.of(
                            "receiptNumber", "must be 3 letters and 10 digits, e.g. IOE0912345678"));
            return filing.recordReceipt(context, number);
        }
        if (command instanceof EventCommand.BiometricsNoticeReceived notice) {
            return filing.recordBiometricsNotice(
                    context, notice.appointmentAt(), notice.location(), notice.deliveredVia());
        }
        if (command instanceof EventCommand.RescheduleRequested reschedule) {
            // a reschedule recorded afterwards was requested on its day, not when it was typed in
            OffsetDateTime requestedAt = reschedule.requestedAt() == null
                    ? reschedule.occurredOn().atStartOfDay(zone).toOffsetDateTime()
                    : reschedule.requestedAt();
            if (requestedAt.atZoneSameInstant(zone).toLocalDate().isAfter(reschedule.occurredOn())) {
                throw InvalidInputException.of(
                        "requestedAt", "must not be after the day of the event, " + reschedule.occurredOn());
            }
            // the online limits decide this write: the settings as stored now, not the display copy
            OrganizationSettings settings = organization.organization().settings();
            return filing.requestReschedule(
                    context,
                    reschedule.via(),
                    requestedAt,
                    reschedule.reason(),
                    settings.onlineRescheduleCutoffHours(),
                    settings.maxOnlineReschedules());
        }
        if (command instanceof EventCommand.BiometricsCompleted completed) {
            notBeforeAppointment(filing, completed, zone);
            return filing.recordBiometricsCompleted(context, completed.stampedNoticeKept());
        }
        if (command instanceof EventCommand.BiometricsReused) {
            return filing.recordBiometricsReused(context);
        }
        if (command instanceof EventCommand.StampedNoticeConfirmed) {
            return filing.confirmStampedNotice(context);
        }
        if (command instanceof EventCommand.BiometricsMissed missed) {
            notBeforeAppointment(filing, missed, zone);
            return filing.recordBiometricsMissed(context);
        }
        if (command instanceof EventCommand.HearingScheduled hearing) {
            return filing.scheduleHearing(context.covering(hearing.clientIds()), hearing.hearingAt(), hearing.kind());
        }
        if (command instanceof EventCommand.ContactLogged contact) {
            return filing.logContact(context, contact.channel(), contact.note());
        }
        if (command instanceof EventCommand.WorkPermitFiled filed) {
            notBeforeWorkPermitClock(filing, filing.person(filed.clientId()), filed.occurredOn());
            return filing.recordWorkPermitFiled(context);
        }
        if (command instanceof EventCommand.Closed closed) {
            return filing.close(context, closed.outcome());
        }
        if (command instanceof EventCommand.FeeNoticeReceived notice) {
            LocalDate dueOn = notice.dueOn() != null
                    ? notice.dueOn()
                    : notice.occurredOn().plusDays(AsylumFees.DAYS_TO_PAY);
            if (dueOn.isBefore(notice.occurredOn())) {
                throw InvalidInputException.of("dueOn", "must not be before the day the notice arrived");
            }
            return filing.recordFeeNotice(context, AsylumFees.dollars(notice.amount()), dueOn);
        }
        if (command instanceof EventCommand.FeePaid paid) {
            return filing.recordFeePaid(context, AsylumFees.dollars(paid.amount()));
        }
        if (command instanceof EventCommand.AddressChangeReported reported) {
            UUID person = reported.clientId() == null ? filing.getClientId() : reported.clientId();
            if (!filing.includes(person)) {
                throw InvalidInputException.of("clientId", "must be the principal or a family member of this filing");
            }
            if (reported.form() == AddressForm.EOIR_33 && filing.getVenue() != Venue.IMMIGRATION_COURT) {
                throw InvalidInputException.of("form", "EOIR_33 reports to an immigration court: court filings only");
            }
            return filing.recordAddressChangeReported(context, reported.form(), person);
        }
        throw new IllegalArgumentException("No handling for " + command.type());
    }

    /** The code of the 422 for a work permit applied for before the clock allows it. */
    public static final String WORK_PERMIT_TOO_EARLY = "WORK_PERMIT_TOO_EARLY";

    /**
     * A work permit applied for before the clock's day is denied and its fee lost: refuse to record it. The wait
     * decides a write, so it is read from the stored settings, not the display copy.
     */
    private void notBeforeWorkPermitClock(Filing filing, PersonProgress person, LocalDate occurredOn) {
        int waitDays = organization.organization().settings().workPermitWaitDays();
        WorkPermitClock.Result clock = filing.workPermitClock(person, waitDays);
        if (clock.eligibleOn().isEmpty()) {
            throw new DomainRuleException(
                    WORK_PERMIT_TOO_EARLY,
                    "The work-permit clock stands still ("
                            + clock.stops().get(clock.stops().size() - 1).reason()
                            + " since "
                            + clock.stops().get(clock.stops().size() - 1).from()
                            + ") until biometrics are done; an application filed now would be denied.");
        }
        if (occurredOn.isBefore(clock.eligibleOn().get())) {
            throw new DomainRuleException(
                    WORK_PERMIT_TOO_EARLY,
                    "The client may apply for a work permit from "
                            + clock.eligibleOn().get() + " ("
                            + waitDays + " days after the application was received on " + filing.receivedOn()
                            + (clock.stoppedDays() > 0
                                    ? ", plus " + clock.stoppedDays() + " days the clock stood still"
                                    : "")
                            + "); an application filed earlier is denied and its fee is not refunded.");
        }
    }

    /** An appointment is attended or missed on its day or later, never before it. */
    private static void notBeforeAppointment(Filing filing, EventCommand command, ZoneId zone) {
        PersonProgress person = filing.person(command.clientId());
        LocalDate appointmentDay = Filing.appointmentDate(person, zone);
        if (appointmentDay != null
                && person.stage() == Stage.BIOMETRICS_SCHEDULED
                && command.occurredOn().isBefore(appointmentDay)) {
            throw InvalidInputException.of("occurredOn", "must not be before the appointment day " + appointmentDay);
        }
    }

    private void checkFields(FilingDescription request, Filing existing) {
        List<FieldError> errors = new ArrayList<>();
        String org = organization.id();
        if (existing != null) {
            if (!existing.getClientId().equals(request.clientId())) {
                errors.add(new FieldError("clientId", "cannot be changed; open a new filing instead"));
            }
            if (existing.getVenue() != request.venue()) {
                errors.add(new FieldError("venue", "cannot be changed; open a new filing instead"));
            }
        } else if (clients.findInOrganization(org, request.clientId()).isEmpty()) {
            errors.add(new FieldError("clientId", "is not a client of your organization"));
        }
        if (request.venue() == Venue.USCIS && request.channel() == null) {
            errors.add(new FieldError("channel", "is required for USCIS filings (MAIL or ONLINE)"));
        }
        if (request.venue() == Venue.IMMIGRATION_COURT && request.channel() != null) {
            errors.add(new FieldError("channel", "must be absent for immigration court filings"));
        }
        if (request.trackingNumber() != null && (request.venue() != Venue.USCIS || request.channel() != Channel.MAIL)) {
            errors.add(new FieldError(
                    "trackingNumber", "applies to USCIS filings sent by mail; a court package's goes on its event"));
        }
        if (request.venue() == Venue.USCIS && request.individualHearingAt() != null) {
            errors.add(new FieldError("individualHearingAt", "applies to immigration court filings only"));
        }
        LocalDate today = LocalDate.now(clock.withZone(organization.zone()));
        if (request.filedOn().isAfter(today)) {
            errors.add(new FieldError("filedOn", "must not be in the future (today is " + today + ")"));
        }
        if (request.receivedOn() != null && request.receivedOn().isBefore(request.filedOn())) {
            errors.add(new FieldError("receivedOn", "must not be before filedOn"));
        }
        if (request.receivedOn() != null && request.receivedOn().isAfter(today)) {
            errors.add(new FieldError("receivedOn", "must not be in the future (today is " + today + ")"));
        }
        if (existing != null && existing.getEventCount() > 0) {
            LocalDate firstEvent = events.find(
                            "filingId", io.quarkus.panache.common.Sort.by("occurredOn"), existing.getId())
                    .firstResultOptional()
                    .map(FilingEvent::getOccurredOn)
                    .orElse(null);
            if (firstEvent != null && request.filedOn().isAfter(firstEvent)) {
                errors.add(new FieldError("filedOn", "must not be after the first event, on " + firstEvent));
            }
        }
        List<UUID> family = request.familyMemberIds() == null ? List.of() : request.familyMemberIds();
        if (family.contains(request.clientId())) {
            errors.add(new FieldError("familyMemberIds", "must not include the principal applicant"));
        }
        if (new HashSet<>(family).size() != family.size()) {
            errors.add(new FieldError("familyMemberIds", "must not repeat a client"));
        }
        if (!family.isEmpty()
                && clients.countInOrganization(org, new HashSet<>(family)) != new HashSet<>(family).size()) {
            errors.add(new FieldError("familyMemberIds", "must all be clients of your organization"));
        }
        String externalRef = Text.blankToNull(request.externalRef());
        if (externalRef != null) {
            filings.findByExternalRef(org, externalRef)
                    .filter(other -> existing == null || !other.getId().equals(existing.getId()))
                    .ifPresent(other -> {
                        throw new ConflictException(
                                "Another filing of this organization already has this externalRef.");
                    });
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private void describe(Filing filing, FilingDescription request) {
        List<UUID> family = request.familyMemberIds() == null ? List.of() : request.familyMemberIds();
        boolean refiled = !filing.getFiledOn().equals(request.filedOn())
                || !filing.getFamilyMemberIds().equals(family);
        filing.describe(
                Text.blankToNull(request.externalRef()),
                request.channel(),
                request.filedOn(),
                request.courtName(),
                request.individualHearingAt(),
                request.familyMemberIds());
        filing.mailedWith(request.trackingNumber());
        filing.receivedOn(request.receivedOn());
        if (refiled) {
            // the clocks that count from the filing date, and the people on the application, follow
            filing.refold(
                    filing.getEventCount() == 0 ? List.of() : events.historyInEffect(filing), organization.zone());
        }
    }
}
