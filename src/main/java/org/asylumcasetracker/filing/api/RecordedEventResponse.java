package org.asylumcasetracker.filing.api;

import org.asylumcasetracker.filing.Stage;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to a new event: the event itself, the stage it led to, and the filing as it is now. */
@Schema(name = "RecordedEvent")
public record RecordedEventResponse(EventResponse event, Stage stage, FilingResponse filing) {}
