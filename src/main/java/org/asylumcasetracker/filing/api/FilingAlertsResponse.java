package org.asylumcasetracker.filing.api;

import java.time.LocalDate;
import java.util.List;
import org.asylumcasetracker.filing.Alert;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "FilingAlerts")
public record FilingAlertsResponse(LocalDate asOf, List<Alert> items) {}
