package org.asylumcasetracker.platform.problem;

/** The caller is known, but the token does not entitle it to this (e.g. its organization is unknown). */
public class AccessDeniedException extends DomainException {

    public AccessDeniedException(String detail) {
        super(detail);
    }
}
