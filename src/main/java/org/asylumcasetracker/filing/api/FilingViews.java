package org.asylumcasetracker.filing.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.asylumcasetracker.client.PrimaryIdLookup;
import org.asylumcasetracker.filing.Alert;
import org.asylumcasetracker.filing.Filing;
import org.asylumcasetracker.filing.FilingAlerts;
import org.asylumcasetracker.filing.FilingEvent;
import org.asylumcasetracker.filing.FilingEventRepository;
import org.asylumcasetracker.filing.Progress;
import org.asylumcasetracker.organization.CurrentOrganization;
import org.asylumcasetracker.organization.OrganizationSettings;

/**
 * Maps filings to their API view, with what is derived from the organization's settings and today:
 * the work permit date, whether the appointment can still move online, and the alerts raised now.
 */
@RequestScoped
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
        return of(filing, primaryIds.hasPrimaryId(filing.getClientId()));
    }

    /** Many filings, with the clients' identity documents looked up in one query. */
    public List<FilingResponse> ofAll(List<Filing> filings) {
        Map<java.util.UUID, Boolean> hasPrimaryId = primaryIds.hasPrimaryId(
                filings.stream().map(Filing::getClientId).distinct().toList());
        Map<java.util.UUID, List<FilingEvent>> timelines =
                events.allOf(filings.stream().map(Filing::getId).toList());
        return filings.stream()
                .map(f -> of(
                        f,
                        timelines.getOrDefault(f.getId(), List.of()),
                        hasPrimaryId.getOrDefault(f.getClientId(), false)))
                .toList();
    }

    /** The alerts of a filing as of any day. */
    public List<Alert> alerts(Filing filing, LocalDate asOf) {
        return filingAlerts.raisedOn(
                filing,
                events.allOf(filing.getId()),
                primaryIds.hasPrimaryId(filing.getClientId()),
                organization.displaySettings(),
                organization.zone(),
                asOf);
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(organization.zone()));
    }

    /** The view, when the caller already knows whether the client holds a passport or government ID. */
    public FilingResponse of(Filing f, boolean clientHasPrimaryId) {
        return of(f, events.allOf(f.getId()), clientHasPrimaryId);
    }

    private FilingResponse of(Filing f, List<FilingEvent> timeline, boolean clientHasPrimaryId) {
        OrganizationSettings settings = organization.displaySettings();
        Progress p = f.progress();
        AppointmentView appointment = null;
        if (p.appointmentAt() != null || p.rescheduleCount() > 0 || p.stampedNoticeKept() != null) {
            appointment = new AppointmentView(
                    p.appointmentAt(),
                    p.appointmentLocation(),
                    p.deliveredVia(),
                    p.rescheduleCount(),
                    f.onlineRescheduleAllowed(
                            OffsetDateTime.now(clock),
                            settings.onlineRescheduleCutoffHours(),
                            settings.maxOnlineReschedules()),
                    p.stampedNoticeKept());
        }
        List<Alert> alerts =
                filingAlerts.raisedOn(f, timeline, clientHasPrimaryId, settings, organization.zone(), today());
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
                p.stage(),
                f.allowedEvents(),
                p.receiptNumber(),
                p.receiptReceivedOn(),
                p.packageMailedOn(),
                p.trackingNumber(),
                appointment,
                f.workPermitClock(timeline, settings.workPermitWaitDays())
                        .eligibleOn()
                        .orElse(null),
                p.workPermitFiledOn(),
                p.outcome(),
                p.closedOn(),
                alerts,
                f.getVersion(),
                f.getCreatedAt(),
                f.getCreatedBy(),
                f.getUpdatedAt(),
                f.getUpdatedBy());
    }
}
