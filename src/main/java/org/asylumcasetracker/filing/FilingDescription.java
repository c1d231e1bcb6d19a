package org.asylumcasetracker.filing;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * What a case worker or clinic system says about an application when opening or editing it; the events
 * say the rest. {@code courtName} arrives trimmed, blank as {@code null}; {@code externalRef} as sent, since
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
        LocalDate receivedOn) {

    /** The same description under the clinic system's own id. */
    public FilingDescription withExternalRef(String ref) {
        return new FilingDescription(
                clientId, ref, venue, channel, filedOn, familyMemberIds, courtName, individualHearingAt, receivedOn);
    }
}
