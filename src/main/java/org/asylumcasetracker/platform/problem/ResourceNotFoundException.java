package org.asylumcasetracker.platform.problem;

/** No such record in the caller's organization (another organization's records look the same). */
public class ResourceNotFoundException extends DomainException {

    public ResourceNotFoundException(String resource, Object id) {
        super(resource + " " + id + " was not found.");
    }
}
