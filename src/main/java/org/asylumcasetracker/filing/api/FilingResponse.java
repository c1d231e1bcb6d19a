package org.asylumcasetracker.filing.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.asylumcasetracker.filing.Alert;
import org.asylumcasetracker.filing.Channel;
import org.asylumcasetracker.filing.EventType;
import org.asylumcasetracker.filing.Outcome;
import org.asylumcasetracker.filing.Stage;
import org.asylumcasetracker.filing.Venue;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Filing")
public record FilingResponse(
        UUID id,
        UUID clientId,
        String externalRef,
        Venue venue,
        Channel channel,
        LocalDate filedOn,

        @Schema(description = "The day USCIS or the court received the application, when recorded")
        LocalDate receivedOn,

        List<UUID> familyMemberIds,
        String courtName,
        OffsetDateTime individualHearingAt,
        Stage stage,

        @Schema(description = "Events that may be recorded in the current stage")
        List<EventType> allowedEvents,

        String receiptNumber,
        LocalDate receiptReceivedOn,
        LocalDate packageMailedOn,
        String trackingNumber,
        AppointmentView appointment,

        @Schema(
                description = "The first day the client may apply for a work permit: receivedOn (default filedOn) +"
                        + " workPermitWaitDays + the days the clock stood still; left out while it stands still")
        LocalDate workPermitEligibleOn,

        LocalDate workPermitFiledOn,
        Outcome outcome,
        LocalDate closedOn,

        @Schema(description = "Alerts raised as of today in the organization's time zone")
        List<Alert> alerts,

        long version,
        OffsetDateTime createdAt,
        String createdBy,
        OffsetDateTime updatedAt,
        String updatedBy) {}
