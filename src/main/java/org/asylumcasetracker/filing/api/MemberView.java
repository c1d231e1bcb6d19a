package org.asylumcasetracker.filing.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.asylumcasetracker.filing.EventType;
import org.asylumcasetracker.filing.Relationship;
import org.asylumcasetracker.filing.Stage;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        name = "Member",
        description = "One person on the application: USCIS sends each their own receipt and biometrics appointment")
public record MemberView(
        UUID clientId,

        @Schema(
                description = "PRINCIPAL for the principal applicant; family members are OTHER until a relationship"
                        + " is recorded")
        Relationship relationship,

        Stage stage,
        String receiptNumber,
        LocalDate receiptReceivedOn,
        AppointmentView appointment,
        LocalDate workPermitEligibleOn,
        LocalDate workPermitFiledOn,

        @Schema(description = "Events about this person that may be recorded now (send them with this clientId)")
        List<EventType> allowedEvents) {}
