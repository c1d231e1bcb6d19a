package org.asylumcasetracker.platform.problem;

/** The request body cannot be read as what the operation takes (e.g. a merge patch that is not an object). */
public class MalformedRequestException extends DomainException {

    public MalformedRequestException(String detail) {
        super(detail);
    }
}
