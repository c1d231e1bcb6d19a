package org.asylumcasetracker.organization.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new tenant; {@code id} is what tokens carry in their {@code org} claim. */
public record CreateOrganizationRequest(
        @NotNull
        @Pattern(regexp = "^[a-z0-9][a-z0-9-]{1,62}$", message = "must be 2-63 lower-case letters, digits or dashes")
        @Schema(example = "demo")
        String id,

        @NotBlank @Size(max = 200) @Schema(example = "Demo Immigration Legal Services")
        String name,

        @NotBlank @Size(max = 64) @Schema(example = "America/New_York")
        String timeZone,

        @Valid @Schema(description = "Optional; the standard thresholds apply when absent")
        SettingsBody settings) {}
