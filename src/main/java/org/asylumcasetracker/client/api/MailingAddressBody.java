package org.asylumcasetracker.client.api;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.asylumcasetracker.client.MailingAddress;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "MailingAddress", description = "Where USCIS sends notices; keep it current")
public record MailingAddressBody(
        @Size(max = 200) @Schema(example = "123 Main St") String line1,
        @Size(max = 200) @Schema(example = "Apt 4") String line2,
        @Size(max = 100) @Schema(example = "Newark") String city,

        @Pattern(regexp = "^[A-Z]{2}$", message = "must be a two-letter state code such as NJ") @Schema(example = "NJ")
        String state,

        @Pattern(regexp = "^[0-9]{5}(-[0-9]{4})?$", message = "must be a ZIP code such as 07102 or 07102-1234")
        @Schema(example = "07102")
        String postalCode) {

    static MailingAddressBody from(MailingAddress address) {
        return address == null
                ? null
                : new MailingAddressBody(
                        address.line1(), address.line2(), address.city(), address.state(), address.postalCode());
    }

    public MailingAddress toAddress() {
        return new MailingAddress(line1, line2, city, state, postalCode);
    }
}
