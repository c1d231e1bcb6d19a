package org.asylumcasetracker.casestatus.api;

import org.asylumcasetracker.filing.api.RecordedEventResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An accepted suggestion and the event it recorded, with the filing after it. */
@Schema(name = "AcceptedSuggestion")
public record AcceptedSuggestionResponse(SuggestionResponse suggestion, RecordedEventResponse recorded) {}
