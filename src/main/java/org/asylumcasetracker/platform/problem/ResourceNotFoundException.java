package org.asylumcasetracker.platform.problem;

/** 404: no such resource in the caller's organization (another organization's rows look the same). */
public class ResourceNotFoundException extends ApiException {

    public ResourceNotFoundException(String resource, Object id) {
        super(resource + " " + id + " was not found.");
    }

    @Override
    public Problem toProblem() {
        return Problem.of(ProblemType.NOT_FOUND, getMessage());
    }
}
