package org.asylumcasetracker.platform.problem;

/** 410: what the request points at existed once and was removed for good (e.g. a change feed cursor past retention). */
public class GoneException extends DomainException {

    public GoneException(String detail) {
        super(detail);
    }
}
