package org.asylumcasetracker.client.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Set;
import org.asylumcasetracker.client.ANumber;
import org.asylumcasetracker.client.Client;
import org.asylumcasetracker.client.IdentityDocument;
import org.asylumcasetracker.client.OneYearDeadlineException;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A client as written by a case worker or a clinic system (create, upsert, and the target of a merge patch). */
@Schema(name = "ClientInput")
public record ClientRequest(
        @Size(max = 100)
        @Schema(description = "The clinic system's own id, unique per organization", example = "CRM-10442")
        String externalRef,

        @NotBlank @Size(max = 100) @Schema(example = "Amina")
        String firstName,

        @NotBlank @Size(max = 100) @Schema(example = "Haddad")
        String lastName,

        @Past @Schema(example = "1990-04-12") LocalDate dateOfBirth,

        @Size(max = 20)
        @Pattern(regexp = ANumber.DOCUMENTED_PATTERN, message = ANumber.FORMAT_MESSAGE)
        @Schema(
                description = "A + 7-9 digits; dashes and spaces accepted; stored as A + 9 digits",
                example = "A123-456-789",
                pattern = ANumber.DOCUMENTED_PATTERN)
        String aNumber,

        @Size(max = 50) @Schema(example = "ar") String preferredLanguage,

        @Pattern(regexp = "^[+0-9 ().-]{4,30}$", message = "must be a phone number of digits, spaces and + ( ) . -")
        @Schema(example = "+1 973 555 0100")
        String phone,

        @Email @Size(max = 254) @Schema(example = "amina@example.org", format = "email")
        String email,

        @Valid MailingAddressBody mailingAddress,
        @PastOrPresent @Schema(example = "2025-09-01") LocalDate lastArrivalOn,
        @Size(max = 7) Set<@NotNull IdentityDocument> identityDocuments,

        @Size(max = 100) @Schema(description = "Username of the responsible case worker", example = "alice")
        String caseworker,

        @Schema(
                description = "A reason the client may apply after the one-year deadline, once a case worker has"
                        + " recorded one; the passed deadline then becomes a note for legal review")
        OneYearDeadlineException oneYearDeadlineException,

        @Schema(
                description = "With a new mailingAddress: the day the client moved there (not in the future); default"
                        + " the day of the change. Starts the duties to report the move (AR-11, EOIR-33).",
                example = "2026-03-02")
        LocalDate movedOn) {

    public static ClientRequest from(Client c) {
        return new ClientRequest(
                c.getExternalRef(),
                c.getFirstName(),
                c.getLastName(),
                c.getDateOfBirth(),
                c.getANumber(),
                c.getPreferredLanguage(),
                c.getPhone(),
                c.getEmail(),
                MailingAddressBody.from(c.getMailingAddress()),
                c.getLastArrivalOn(),
                c.getIdentityDocuments(),
                c.getCaseworker(),
                c.getOneYearDeadlineException(),
                // a move is said anew with each change of address, never carried over
                null);
    }

    @Override
    public String toString() {
        return "ClientRequest[redacted]";
    }
}
