package org.asylumcasetracker.casestatus.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The published shape of a page of suggestions. */
@Schema(name = "SuggestionPage")
public record SuggestionPage(List<SuggestionResponse> items, int page, int size, long total) {}
