package org.asylumcasetracker.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a body that Jackson could not read is answered with: a field error naming the JSON path where the
 * value had the wrong type or format, or a malformed-request problem when the body as a whole is unreadable.
 * Jackson's messages quote the input and name Java classes, so none of them is passed on.
 */
final class JsonProblems {

    private JsonProblems() {}

    static Problem of(JsonProcessingException failure) {
        if (!(failure instanceof JsonMappingException mapping)) {
            return Problem.of(ProblemType.MALFORMED_REQUEST, "The request body is not well-formed JSON.");
        }
        String field = jsonPath(mapping);
        String message;
        if (failure instanceof InvalidFormatException invalid) {
            Class<?> target = invalid.getTargetType();
            message = target != null && target.isEnum()
                    ? "must be one of "
                            + Arrays.stream(target.getEnumConstants())
                                    .map(Object::toString)
                                    .collect(Collectors.joining(", "))
                    : "has the wrong format" + expected(target);
        } else if (field.isEmpty()) {
            return Problem.of(
                    ProblemType.MALFORMED_REQUEST,
                    failure instanceof MismatchedInputException
                            ? "The request body must be a JSON object."
                            : "The request body could not be read as JSON.");
        } else if (failure instanceof MismatchedInputException mismatched) {
            message = "has the wrong type" + expected(mismatched.getTargetType());
        } else {
            message = "is not a valid value";
        }
        return Problem.of(ProblemType.VALIDATION, "One or more fields are invalid.")
                .withErrors(List.of(new FieldError(field, message)));
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String expected(Class<?> target) {
        if (target == null) {
            return "";
        }
        return switch (target.getSimpleName()) {
            case "LocalDate" -> " (expected a date YYYY-MM-DD)";
            case "OffsetDateTime" -> " (expected a date-time with offset, e.g. 2026-03-01T09:30:00-05:00)";
            case "UUID" -> " (expected a UUID)";
            case "Integer", "int", "Long", "long" -> " (expected a whole number)";
            case "Boolean", "boolean" -> " (expected true or false)";
            case "String" -> " (expected a string)";
            default -> target.isArray() || Collection.class.isAssignableFrom(target) ? " (expected an array)" : "";
        };
    }
}
