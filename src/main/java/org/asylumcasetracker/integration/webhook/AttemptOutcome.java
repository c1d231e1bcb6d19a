package org.asylumcasetracker.integration.webhook;

/**
 * What one attempt to send a delivery gave: the receiver's status code, if it answered, and otherwise or
 * additionally a short description of the failure (fixed phrases, never the receiver's response body).
 */
public record AttemptOutcome(Integer statusCode, String error) {

    public static AttemptOutcome answered(int statusCode) {
        return new AttemptOutcome(statusCode, isSuccess(statusCode) ? null : "HTTP " + statusCode);
    }

    public static AttemptOutcome failed(String error) {
        return new AttemptOutcome(null, error);
    }

    public boolean delivered() {
        return statusCode != null && isSuccess(statusCode);
    }

    private static boolean isSuccess(int statusCode) {
        return statusCode >= 200 && statusCode < 300;
    }
}
