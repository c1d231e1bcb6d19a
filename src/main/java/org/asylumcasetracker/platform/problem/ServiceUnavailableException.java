package org.asylumcasetracker.platform.problem;

/** 503: this deployment lacks something the request needs (e.g. a key it was not configured with). */
public class ServiceUnavailableException extends DomainException {

    public ServiceUnavailableException(String detail) {
        super(detail);
    }
}
