package org.asylumcasetracker.client.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.asylumcasetracker.client.Client;
import org.asylumcasetracker.client.IdentityDocument;
import org.asylumcasetracker.client.OneYearDeadlineException;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Client")
public record ClientResponse(
        UUID id,
        String externalRef,
        String firstName,
        String lastName,
        LocalDate dateOfBirth,
        String aNumber,
        String preferredLanguage,
        String phone,
        String email,
        MailingAddressBody mailingAddress,

        @Schema(description = "The day the client moved to this mailing address, when a move was recorded")
        LocalDate movedOn,

        LocalDate lastArrivalOn,

        @Schema(
                description = "The last day to apply for asylum: a year after the last arrival, moved past a"
                        + " Saturday, Sunday or federal holiday")
        LocalDate oneYearDeadlineOn,

        OneYearDeadlineException oneYearDeadlineException,
        List<IdentityDocument> identityDocuments,
        String caseworker,
        long version,
        OffsetDateTime createdAt,
        String createdBy,
        OffsetDateTime updatedAt,
        String updatedBy) {

    public static ClientResponse from(Client c) {
        return new ClientResponse(
                c.getId(),
                c.getExternalRef(),
                c.getFirstName(),
                c.getLastName(),
                c.getDateOfBirth(),
                c.getANumber(),
                c.getPreferredLanguage(),
                c.getPhone(),
                c.getEmail(),
                MailingAddressBody.from(c.getMailingAddress()),
                c.getMovedOn(),
                c.getLastArrivalOn(),
                c.oneYearDeadlineOn().orElse(null),
                c.getOneYearDeadlineException(),
                c.getIdentityDocuments().stream().sorted().toList(),
                c.getCaseworker(),
                c.getVersion(),
                c.getCreatedAt(),
                c.getCreatedBy(),
                c.getUpdatedAt(),
                c.getUpdatedBy());
    }

    @Override
    public String toString() {
        return "ClientResponse[" + id + "]";
    }
}
