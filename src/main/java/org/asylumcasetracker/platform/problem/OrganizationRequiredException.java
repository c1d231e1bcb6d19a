package org.asylumcasetracker.platform.problem;

/**
 * 403 for a caller whose role would allow the operation but whose token names no organization, or one this
 * service does not know; a problem type of its own, so that callers (and tests) can tell it from a role refusal.
 */
public class OrganizationRequiredException extends AccessDeniedException {

    public OrganizationRequiredException(String detail) {
        super(detail);
    }
}
