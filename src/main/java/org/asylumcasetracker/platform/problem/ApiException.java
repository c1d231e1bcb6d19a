package org.asylumcasetracker.platform.problem;

/**
 * A failure the client can act on. Services throw one of the subclasses; {@code ProblemMappers} turns
 * it into problem+json. The message is the problem's {@code detail}, so it never carries personal data.
 */
public abstract class ApiException extends RuntimeException {

    protected ApiException(String detail) {
        super(detail, null, false, false);
    }

    public abstract Problem toProblem();
}
