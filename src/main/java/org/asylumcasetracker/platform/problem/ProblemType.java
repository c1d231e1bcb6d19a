package org.asylumcasetracker.platform.problem;

/** The kinds of problem the API answers with; the URIs are stable identifiers clients may switch on. */
public enum ProblemType {
    VALIDATION(400, "validation", "The request is not valid"),
    MALFORMED_REQUEST(400, "malformed-request", "The request body could not be read"),
    UNAUTHORIZED(401, "unauthorized", "Authentication is required"),
    FORBIDDEN(403, "forbidden", "Not allowed"),
    /** The role would allow it, but the token names no organization this service knows. */
    ORGANIZATION_REQUIRED(403, "organization-required", "The token names no known organization"),
    NOT_FOUND(404, "not-found", "Not found"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed"),
    NOT_ACCEPTABLE(406, "not-acceptable", "Not acceptable"),
    CONFLICT(409, "conflict", "Conflict"),
    STAGE_CONFLICT(409, "event-not-allowed", "The event is not allowed in the current stage"),
    GONE(410, "gone", "No longer available"),
    PRECONDITION_FAILED(412, "precondition-failed", "The resource has changed"),
    PAYLOAD_TOO_LARGE(413, "payload-too-large", "The request body is too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported media type"),
    DOMAIN_RULE(422, "domain-rule", "Refused by a domain rule"),
    TOO_MANY_REQUESTS(429, "too-many-requests", "Too many requests"),
    INTERNAL(500, "internal-error", "Unexpected error"),
    UNAVAILABLE(503, "service-unavailable", "A service this request depends on is unavailable");

    private static final String BASE = "urn:asylum-case-tracker:problem:";

    private final int status;
    private final String slug;
    private final String title;

    ProblemType(int status, String slug, String title) {
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String uri() {
        return BASE + slug;
    }

    public String title() {
        return title;
    }

    /** The generic type for an HTTP status that has no more specific one. */
    public static ProblemType forStatus(int status) {
        for (ProblemType type : values()) {
            if (type.status == status) {
                return type;
            }
        }
        return status >= 500 ? INTERNAL : VALIDATION;
    }
}
