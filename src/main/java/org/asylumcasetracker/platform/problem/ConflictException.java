package org.asylumcasetracker.platform.problem;

/** The request collides with the current state, e.g. a duplicate external reference. */
public class ConflictException extends DomainException {

    public ConflictException(String detail) {
        super(detail);
    }
}
