package org.asylumcasetracker.organization.api;

import java.time.OffsetDateTime;
import org.asylumcasetracker.organization.Organization;

public record OrganizationResponse(
        String id,
        String name,
        String timeZone,
        SettingsBody settings,
        long version,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    public static OrganizationResponse from(Organization o) {
        return new OrganizationResponse(
                o.getId(),
                o.getName(),
                o.zone().getId(),
                SettingsBody.from(o.settings()),
                o.getVersion(),
                o.getCreatedAt(),
                o.getUpdatedAt());
    }
}
