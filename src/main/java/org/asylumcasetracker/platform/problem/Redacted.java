package org.asylumcasetracker.platform.problem;

/**
 * A copy of an exception chain without its messages, for logging: exception messages may quote client
 * data (names, A-Numbers), while class names and stack frames are what a developer needs.
 */
final class Redacted extends RuntimeException {

    private Redacted(Throwable original, Redacted cause) {
        super(original.getClass().getName(), cause, false, true);
        setStackTrace(original.getStackTrace());
    }

    static Redacted of(Throwable original) {
        Throwable cause = original.getCause();
        return new Redacted(original, cause == null || cause == original ? null : of(cause));
    }

    @Override
    public String toString() {
        return getMessage();
    }
}
