package org.asylumcasetracker.filing.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.asylumcasetracker.filing.Channel;
import org.asylumcasetracker.filing.Filing;
import org.asylumcasetracker.filing.FilingDescription;
import org.asylumcasetracker.filing.Venue;
import org.asylumcasetracker.platform.Text;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An asylum application as written by a case worker or a clinic system. */
@Schema(name = "FilingInput")
public record FilingRequest(
        @NotNull @Schema(description = "The principal applicant")
        UUID clientId,

        @Size(max = 100)
        @Schema(description = "The clinic system's own id, unique per organization", example = "CASE-2291")
        String externalRef,

        @NotNull @Schema(example = "USCIS") Venue venue,

        @Schema(description = "Required for USCIS filings, absent for court filings", example = "MAIL")
        Channel channel,

        @NotNull @Schema(description = "Not in the future", example = "2026-01-15")
        LocalDate filedOn,

        @Size(max = 20) @Schema(description = "Other clients of the organization on the same application")
        List<@NotNull UUID> familyMemberIds,

        @Size(max = 200)
        @Schema(description = "Court filings: the immigration court", example = "Newark Immigration Court")
        String courtName,

        @Schema(
                description = "Court filings: the individual (merits) hearing as known when the filing is entered;"
                        + " a HEARING_SCHEDULED event of kind INDIVIDUAL takes precedence. A PUT without it keeps"
                        + " the one entered before.")
        OffsetDateTime individualHearingAt,

        @Size(max = 64)
        @Schema(
                description = "USCIS filings sent by mail: the mail carrier's tracking number (the Contact Center asks"
                        + " for it when a receipt is late)")
        String trackingNumber,

        @Schema(
                description = "The day USCIS or the court received the application (not before filedOn, not in the"
                        + " future); the work-permit clock counts from it; default filedOn",
                example = "2026-01-20")
        LocalDate receivedOn) {

    public FilingDescription toDescription() {
        return new FilingDescription(
                clientId,
                externalRef,
                venue,
                channel,
                filedOn,
                familyMemberIds,
                Text.blankToNull(courtName),
                individualHearingAt,
                Text.blankToNull(trackingNumber),
                receivedOn);
    }

    public static FilingRequest from(Filing f) {
        return new FilingRequest(
                f.getClientId(),
                f.getExternalRef(),
                f.getVenue(),
                f.getChannel(),
                f.getFiledOn(),
                f.getFamilyMemberIds(),
                f.getCourtName(),
                f.getEnteredIndividualHearingAt(),
                f.getMailingTrackingNumber(),
                f.getReceivedOn());
    }
}
