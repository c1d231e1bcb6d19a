package org.asylumcasetracker.filing;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * What a case worker or clinic system says about an application when opening or editing it; the events
 * say the rest. {@code courtName} and {@code trackingNumber} (the mail carrier's, for a USCIS filing sent by mail)
 * arrive trimmed, blank as {@code null}; {@code externalRef} as sent, since
 * an upsert compares it with the one in its path.
 */
public record FilingDescription(
        UUID clientId,
        String externalRef,
        Venue venue,
        Channel channel,
        LocalDate filedOn,
        List<UUID> familyMemberIds,
        String courtName,
        OffsetDateTime individualHearingAt,
        String trackingNumber,
        LocalDate receivedOn) {

    /** The same description under the clinic system's own id. */
    public FilingDescription withExternalRef(String ref) {
        return new FilingDescription(
                clientId,
                ref,
                venue,
                channel,
                filedOn,
                familyMemberIds,
                courtName,
                individualHearingAt,
                trackingNumber,
                receivedOn);
    }

    /** The same description with another individual hearing entered. */
    public FilingDescription withIndividualHearingAt(OffsetDateTime hearingAt) {
        return new FilingDescription(
                clientId,
                externalRef,
                venue,
                channel,
                filedOn,
                familyMemberIds,
                courtName,
                hearingAt,
                trackingNumber,
                receivedOn);
    }
}
