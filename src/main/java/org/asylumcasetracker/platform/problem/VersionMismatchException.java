package org.asylumcasetracker.platform.problem;

/** The caller's {@code If-Match} names a version that is no longer current. */
public class VersionMismatchException extends DomainException {

    public VersionMismatchException(long current) {
        super("The resource was changed by someone else; its current version is " + current
                + ". Read it again and re-apply the change.");
    }
}
