package org.asylumcasetracker.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem detail, the body of every error response.
 *
 * <p>{@code errors} is present for field validation, {@code allowedEvents} for state conflicts,
 * {@code code} for refusals by a domain rule and {@code reference} for unexpected failures, so that a
 * support request can be matched with the server log.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        String instance,
        List<FieldError> errors,
        List<String> allowedEvents,
        String code,
        String reference) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(ProblemType type, String detail) {
        return new Problem(type.uri(), type.title(), type.status(), detail, null, null, null, null, null);
    }

    public Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(type, title, status, detail, instance, fieldErrors, allowedEvents, code, reference);
    }

    public Problem withAllowedEvents(List<String> events) {
        return new Problem(type, title, status, detail, instance, errors, events, code, reference);
    }

    public Problem withCode(String ruleCode) {
        return new Problem(type, title, status, detail, instance, errors, allowedEvents, ruleCode, reference);
    }

    public Problem withReference(String ref) {
        return new Problem(type, title, status, detail, instance, errors, allowedEvents, code, ref);
    }

    public Problem withInstance(String path) {
        return new Problem(type, title, status, detail, path, errors, allowedEvents, code, reference);
    }
}
