package org.asylumcasetracker.platform.problem;

/** 412: the client's {@code If-Match} names a version that is no longer current. */
public class VersionMismatchException extends ApiException {

    public VersionMismatchException(long current) {
        super("The resource was changed by someone else; its current version is " + current
                + ". Read it again and re-apply the change.");
    }

    @Override
    public Problem toProblem() {
        return Problem.of(ProblemType.PRECONDITION_FAILED, getMessage());
    }
}
