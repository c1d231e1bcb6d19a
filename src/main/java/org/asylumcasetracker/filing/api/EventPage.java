package org.asylumcasetracker.filing.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The shape of a timeline page, as documented (the resource returns the generic page). */
@Schema(name = "EventPage")
public record EventPage(List<EventResponse> items, int page, int size, long total) {}
