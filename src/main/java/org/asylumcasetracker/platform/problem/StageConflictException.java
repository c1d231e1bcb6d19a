package org.asylumcasetracker.platform.problem;

import java.util.List;

/**
 * An event that the filing's current stage does not allow (the state machine's transition table decides);
 * {@code allowedEvents} names the events that would be accepted now.
 */
public class StageConflictException extends DomainException {

    private final List<String> allowedEvents;

    public StageConflictException(String detail, List<String> allowedEvents) {
        super(detail);
        this.allowedEvents = List.copyOf(allowedEvents);
    }

    public List<String> allowedEvents() {
        return allowedEvents;
    }
}
