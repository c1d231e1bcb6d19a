package org.asylumcasetracker.platform.problem;

import java.util.List;

/** 409: the event cannot happen in the filing's current stage; the problem lists what can. */
public class StageConflictException extends ApiException {

    private final List<String> allowedEvents;

    public StageConflictException(String detail, List<String> allowedEvents) {
        super(detail);
        this.allowedEvents = List.copyOf(allowedEvents);
    }

    @Override
    public Problem toProblem() {
        return Problem.of(ProblemType.STAGE_CONFLICT, getMessage()).withAllowedEvents(allowedEvents);
    }
}
