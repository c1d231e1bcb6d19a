package org.asylumcasetracker.platform.problem;

/** 409: the request collides with the current state, e.g. a duplicate external reference. */
public class ConflictException extends ApiException {

    public ConflictException(String detail) {
        super(detail);
    }

    @Override
    public Problem toProblem() {
        return Problem.of(ProblemType.CONFLICT, getMessage());
    }
}
