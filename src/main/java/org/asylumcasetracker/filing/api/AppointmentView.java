package org.asylumcasetracker.filing.api;

import java.time.OffsetDateTime;
import org.asylumcasetracker.filing.DeliveredVia;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Appointment", description = "The biometrics appointment, as the latest notice gave it")
public record AppointmentView(
        OffsetDateTime at,
        String location,
        DeliveredVia deliveredVia,
        int rescheduleCount,

        @Schema(description = "Whether USCIS still lets it be moved online now (otherwise by phone only)")
        boolean onlineRescheduleAllowed,

        Boolean stampedNoticeKept) {}
