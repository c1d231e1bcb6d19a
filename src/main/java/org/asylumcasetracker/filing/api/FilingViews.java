package org.asylumcasetracker.filing.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.asylumcasetracker.client.PrimaryIdLookup;
import org.asylumcasetracker.filing.Alert;
import org.asylumcasetracker.filing.Filing;
import org.asylumcasetracker.filing.FilingAlerts;
import org.asylumcasetracker.filing.FilingEventRepository;
import org.asylumcasetracker.filing.PersonProgress;
import org.asylumcasetracker.filing.Progress;
import org.asylumcasetracker.filing.Relationship;
import org.asylumcasetracker.organization.CurrentOrganization;
import org.asylumcasetracker.organization.OrganizationSettings;

/**
 * Maps filings to their API view, with what is derived from the organization's settings and today:
 * the work permit date, whether the appointment can still move online, and the alerts raised now.
 */
@ApplicationScoped
public class FilingViews {

    private final CurrentOrganization organization;
    private final PrimaryIdLookup primaryIds;
    private final FilingAlerts filingAlerts;
    private final Clock clock;
    private final FilingEventRepository events;

    @Inject
    public FilingViews(
            CurrentOrganization organization,
            PrimaryIdLookup primaryIds,
            FilingAlerts filingAlerts,
            Clock clock,
            FilingEventRepository events) {
        this.events = events;
        this.organization = organization;
        this.primaryIds = primaryIds;
        this.filingAlerts = filingAlerts;
        this.clock = clock;
    }

    public FilingResponse of(Filing filing) {
        return of(filing, primaryIds.hasPrimaryId(people(filing)));
    }

    /** Many filings, with everyone's identity documents looked up in one query. */
    public List<FilingResponse> ofAll(List<Filing> filings) {
        Map<UUID, Boolean> hasPrimaryId = primaryIds.hasPrimaryId(
                filings.stream().flatMap(f -> people(f).stream()).distinct().toList());
        return filings.stream().map(f -> of(f, hasPrimaryId)).toList();
    }

    /** The alerts of everyone on a filing as of any day. */
    public List<Alert> alerts(Filing filing, LocalDate asOf) {
        return filingAlerts.raisedOn(
                filing,
                primaryIds.hasPrimaryId(people(filing)),
                () -> events.allOf(filing.getId()),
                organization.displaySettings(),
                organization.zone(),
                asOf);
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(organization.zone()));
    }

    private static List<UUID> people(Filing f) {
        List<UUID> people = new ArrayList<>();
        people.add(f.getClientId());
        people.addAll(f.getFamilyMemberIds());
        return people;
    }

    /**
     * The view as of today. The filing's row answers it (its progress keeps what the work-permit clock and the fee
     * alerts read); its events are read only if one happened after today where the organization is, which a change
     * of the organization's time zone can cause. {@code hasPrimaryId} tells, by client, who on the filing holds a
     * passport or government ID (absent: no), as read with the filing.
     */
    public FilingResponse of(Filing f, Map<UUID, Boolean> hasPrimaryId) {
        OrganizationSettings settings = organization.displaySettings();
        Progress p = f.progress();
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<MemberView> members = f.people().stream()
                .map(person -> member(f, person, settings, now))
                .toList();
        List<Alert> alerts = filingAlerts.raisedOn(
                f, hasPrimaryId, () -> events.allOf(f.getId()), settings, organization.zone(), today());
        return new FilingResponse(
                f.getId(),
                f.getClientId(),
                f.getExternalRef(),
                f.getVenue(),
                f.getChannel(),
                f.getFiledOn(),
                f.getReceivedOn(),
                f.getFamilyMemberIds(),
                f.getCourtName(),
                f.getIndividualHearingAt(),
                f.getHearings(),
                p.stage(),
                f.allowedEvents(),
                p.receiptNumber(),
                p.receiptReceivedOn(),
                p.packageMailedOn(),
                p.trackingNumber() != null ? p.trackingNumber() : f.getMailingTrackingNumber(),
                members.get(0).appointment(),
                members.get(0).workPermitEligibleOn(),
                p.workPermitFiledOn(),
                p.outcome(),
                p.closedOn(),
                members,
                alerts,
                f.getVersion(),
                f.getCreatedAt(),
                f.getCreatedBy(),
                f.getUpdatedAt(),
                f.getUpdatedBy());
    }

    private MemberView member(Filing f, PersonProgress person, OrganizationSettings settings, OffsetDateTime now) {
        AppointmentView appointment = null;
        if (person.appointmentAt() != null || person.rescheduleCount() > 0 || person.stampedNoticeKept() != null) {
            appointment = new AppointmentView(
                    person.appointmentAt(),
                    person.appointmentLocation(),
                    person.deliveredVia(),
                    person.rescheduleCount(),
                    f.onlineRescheduleAllowed(
                            person, now, settings.onlineRescheduleCutoffHours(), settings.maxOnlineReschedules()),
                    person.stampedNoticeKept());
        }
        return new MemberView(
                person.clientId(),
                person.clientId().equals(f.getClientId()) ? Relationship.PRINCIPAL : Relationship.OTHER,
                person.stage(),
                person.receiptNumber(),
                person.receiptReceivedOn(),
                appointment,
                f.workPermitClock(person, settings.workPermitWaitDays())
                        .eligibleOn()
                        .orElse(null),
                person.workPermitFiledOn(),
                f.allowedEvents(person));
    }
}
