package org.asylumcasetracker.casestatus;

import java.time.Duration;

/** The outcome of one call to the Case Status API. */
public sealed interface CheckResult {

    /** The outcome as stored with the receipt number ({@code last_outcome}). */
    String outcome();

    /** USCIS answered with a status. */
    record Status(CaseStatusReport report) implements CheckResult {
        public String outcome() {
            return "STATUS";
        }
    }

    /** USCIS does not know the receipt number (404), or it is not in its system yet. */
    record ReceiptNotFound() implements CheckResult {
        public String outcome() {
            return "RECEIPT_NOT_FOUND";
        }
    }

    /** 429: the quota is used up; no call before {@code retryAfter} has passed. */
    record RateLimited(Duration retryAfter) implements CheckResult {
        public String outcome() {
            return "RATE_LIMITED";
        }
    }

    /**
     * No usable answer: a 5xx, no connection, a timeout, a token that could not be had or was refused,
     * an answer of an unexpected status, or a body that is not the documented JSON. Retried later.
     */
    record Failed(String outcome, String reason) implements CheckResult {}
}
