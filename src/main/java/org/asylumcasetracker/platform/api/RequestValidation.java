package org.asylumcasetracker.platform.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.util.Set;

/**
 * Turns a merge patch into a complete, validated request record: the current state as the request type,
 * the patch merged in, then the same Bean Validation a POST gets.
 */
@ApplicationScoped
public class RequestValidation {

    private final ObjectMapper mapper;
    private final Validator validator;

    @Inject
    public RequestValidation(ObjectMapper mapper, Validator validator) {
        this.mapper = mapper;
        this.validator = validator;
    }

    public <T> T merge(T current, JsonNode patch, Class<T> type) {
        ObjectNode merged = JsonMergePatch.apply(mapper.valueToTree(current), patch);
        T result;
        try {
            result = mapper.treeToValue(merged, type);
        } catch (JsonProcessingException e) {
            // handled by the problem mappers, which name the field
            throw new PatchReadException(e);
        }
        validate(result);
        return result;
    }

    public <T> void validate(T request) {
        Set<ConstraintViolation<T>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
    }

    /** Carries a Jackson failure out of a merge to the mappers. */
    public static class PatchReadException extends RuntimeException {
        private final JsonProcessingException json;

        PatchReadException(JsonProcessingException cause) {
            super(cause);
            this.json = cause;
        }

        public JsonProcessingException json() {
            return json;
        }
    }
}
