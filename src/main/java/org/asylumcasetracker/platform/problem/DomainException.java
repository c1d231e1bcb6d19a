package org.asylumcasetracker.platform.problem;

/**
 * A request the service refuses for a reason the caller can act on: a rule, a missing record, a stale
 * version. Subclasses name the reason and carry its facts; how a reason is answered over HTTP is decided
 * in one place, {@code ProblemMappers}. The message is written for the caller, so it never carries
 * personal data.
 */
public abstract class DomainException extends RuntimeException {

    protected DomainException(String detail) {
        super(detail, null, false, false);
    }
}
