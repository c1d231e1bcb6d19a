package org.asylumcasetracker.integration.feed.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ChangePage")
public record ChangePage(
        List<ChangeItem> items,

        @Schema(description = "The cursor to ask with next; the same as `after` when nothing new has committed")
        String next) {}
