package org.asylumcasetracker.platform.problem;

/** 403: authenticated, but the token does not entitle the caller to this (e.g. an unknown organization). */
public class AccessDeniedException extends ApiException {

    public AccessDeniedException(String detail) {
        super(detail);
    }

    @Override
    public Problem toProblem() {
        return Problem.of(ProblemType.FORBIDDEN, getMessage());
    }
}
