package org.asylumcasetracker.filing.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.asylumcasetracker.filing.Alert;
import org.asylumcasetracker.filing.Channel;
import org.asylumcasetracker.filing.EventType;
import org.asylumcasetracker.filing.Hearing;
import org.asylumcasetracker.filing.Outcome;
import org.asylumcasetracker.filing.Stage;
import org.asylumcasetracker.filing.Venue;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        name = "Filing",
        description = "An asylum application. `stage` is the earliest of its people's stages (a missed appointment"
                + " counting as earlier than a scheduled one); the receipt, appointment and work permit fields at the top"
                + " level are the principal's, `members` has everyone's.")
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

        @Schema(
                description = "The individual (merits) hearing: the latest one a HEARING_SCHEDULED event set, else"
                        + " the one entered on the filing")
        OffsetDateTime individualHearingAt,

        @Schema(
                description = "Court hearings as events set them, earliest first; a continuance replaces the"
                        + " hearing it moved")
        List<Hearing> hearings,

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

        @Schema(description = "Everyone on the application, the principal first: each has their own progress")
        List<MemberView> members,

        @Schema(description = "Alerts raised as of today in the organization's time zone")
        List<Alert> alerts,

        long version,
        OffsetDateTime createdAt,
        String createdBy,
        OffsetDateTime updatedAt,
        String updatedBy) {}
