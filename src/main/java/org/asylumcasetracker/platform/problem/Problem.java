package org.asylumcasetracker.platform.problem;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem detail, the body of every error response.
 *
 * <p>{@code errors} is present for field validation, {@code code} for refusals by a domain rule and
 * {@code reference} for unexpected failures, so that a support request can be matched with the server
 * log. What only one kind of problem has (e.g. {@code allowedEvents} for an event the stage does not
 * allow) is an extension member (RFC 9457, section 3.2), written at the top level of the object.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        String instance,
        List<FieldError> errors,
        String code,
        String reference,
        @JsonIgnore Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem {
        extensions = extensions == null ? Map.of() : Map.copyOf(extensions);
    }

    public static Problem of(ProblemType type, String detail) {
        return new Problem(type.uri(), type.title(), type.status(), detail, null, null, null, null, null);
    }

    public Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(type, title, status, detail, instance, fieldErrors, code, reference, extensions);
    }

    public Problem withCode(String ruleCode) {
        return new Problem(type, title, status, detail, instance, errors, ruleCode, reference, extensions);
    }

    public Problem withReference(String ref) {
        return new Problem(type, title, status, detail, instance, errors, code, ref, extensions);
    }

    public Problem withInstance(String path) {
        return new Problem(type, title, status, detail, path, errors, code, reference, extensions);
    }

    /** Adds an extension member, e.g. {@code allowedEvents}. */
    public Problem with(String member, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(extensions);
        more.put(member, value);
        return new Problem(type, title, status, detail, instance, errors, code, reference, more);
    }

    @JsonAnyGetter
    Map<String, Object> extensionMembers() {
        return extensions;
    }
}
