package org.asylumcasetracker.filing.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.asylumcasetracker.filing.Filing;
import org.asylumcasetracker.filing.Progress;
import org.asylumcasetracker.organization.OrganizationSettings;
import org.asylumcasetracker.platform.security.CurrentOrganization;

/** Maps filings to their API view, with what is derived from the organization's settings and today. */
@RequestScoped
public class FilingViews {

    private final CurrentOrganization organization;
    private final Clock clock;

    @Inject
    public FilingViews(CurrentOrganization organization, Clock clock) {
        this.organization = organization;
        this.clock = clock;
    }

    public FilingResponse of(Filing f) {
        OrganizationSettings settings = organization.organization().settings();
        Progress p = f.progress();
        AppointmentView appointment = null;
        if (p.appointmentAt() != null || p.rescheduleCount() > 0 || p.stampedNoticeKept() != null) {
            appointment = new AppointmentView(p.appointmentAt(), p.appointmentLocation(), p.deliveredVia(),
                    p.rescheduleCount(), f.onlineRescheduleAllowed(OffsetDateTime.now(clock),
                            settings.onlineRescheduleCutoffHours(), settings.maxOnlineReschedules()),
                    p.stampedNoticeKept());
        }
        return new FilingResponse(f.getId(), f.getClientId(), f.getExternalRef(), f.getVenue(), f.getChannel(),
                f.getFiledOn(), f.getFamilyMemberIds(), f.getCourtName(), f.getIndividualHearingAt(), p.stage(),
                f.allowedEvents(), p.receiptNumber(), p.receiptReceivedOn(), p.packageMailedOn(), p.trackingNumber(),
                appointment, f.workPermitEligibleOn(settings.workPermitWaitDays()), p.workPermitFiledOn(), p.outcome(),
                p.closedOn(), f.getVersion(), f.getCreatedAt(), f.getCreatedBy(), f.getUpdatedAt(), f.getUpdatedBy());
    }
}
