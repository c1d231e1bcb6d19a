package org.asylumcasetracker.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import io.quarkus.oidc.OIDCException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.ConnectException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where failures become {@code application/problem+json}. Nothing here echoes an
 * exception message that was not written for clients: stack traces, SQL and class names stay out of
 * responses, and the log gets identifiers only.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response api(ApiException e) {
        return respond(e.toProblem());
    }

    @ServerExceptionMapper
    public Response beanValidation(ResteasyReactiveViolationException e) {
        return constraintViolations(e);
    }

    @ServerExceptionMapper
    public Response constraintViolations(ConstraintViolationException e) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
                .toList();
        return respond(Problem.of(ProblemType.VALIDATION, "One or more fields are invalid.").withErrors(errors));
    }

    @ServerExceptionMapper
    public Response unrecognizedField(UnrecognizedPropertyException e) {
        return respond(Problem.of(ProblemType.VALIDATION, "The request has a field this resource does not know.")
                .withErrors(List.of(new FieldError(jsonPath(e), "is not a known field"))));
    }

    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException e) {
        Class<?> target = e.getTargetType();
        String message;
        if (target != null && target.isEnum()) {
            message = "must be one of " + Arrays.stream(target.getEnumConstants())
                    .map(Object::toString).collect(Collectors.joining(", "));
        } else {
            message = "has the wrong format" + expectedType(target);
        }
        return respond(Problem.of(ProblemType.VALIDATION, "One or more fields are invalid.")
                .withErrors(List.of(new FieldError(jsonPath(e), message))));
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        String field = jsonPath(e);
        if (field.isEmpty()) {
            return respond(Problem.of(ProblemType.MALFORMED_REQUEST, "The request body must be a JSON object."));
        }
        return respond(Problem.of(ProblemType.VALIDATION, "One or more fields are invalid.")
                .withErrors(List.of(new FieldError(field, "has the wrong type" + expectedType(e.getTargetType())))));
    }

    @ServerExceptionMapper
    public Response jsonMapping(JsonMappingException e) {
        String field = jsonPath(e);
        if (field.isEmpty()) {
            return respond(Problem.of(ProblemType.MALFORMED_REQUEST, "The request body could not be read as JSON."));
        }
        return respond(Problem.of(ProblemType.VALIDATION, "One or more fields are invalid.")
                .withErrors(List.of(new FieldError(field, "is not a valid value"))));
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e) {
        return respond(Problem.of(ProblemType.MALFORMED_REQUEST, "The request body is not well-formed JSON."));
    }

    @ServerExceptionMapper
    public Response patchRead(org.asylumcasetracker.platform.api.RequestValidation.PatchReadException e) {
        Throwable cause = e.getCause();
        if (cause instanceof InvalidFormatException invalid) {
            return invalidFormat(invalid);
        }
        if (cause instanceof MismatchedInputException mismatched) {
            return mismatchedInput(mismatched);
        }
        if (cause instanceof JsonMappingException mapping) {
            return jsonMapping(mapping);
        }
        return malformedJson((JsonProcessingException) cause);
    }

    @ServerExceptionMapper
    public Response uniqueConstraint(org.hibernate.exception.ConstraintViolationException e) {
        // A concurrent writer took the same unique value (e.g. an externalRef) first.
        return respond(Problem.of(ProblemType.CONFLICT, "This conflicts with an existing record (a unique value is already taken)."));
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return unauthenticated();
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        if (causedByUnreachableProvider(e)) {
            return providerUnavailable();
        }
        return unauthenticated();
    }

    @ServerExceptionMapper
    public Response oidc(OIDCException e) {
        return providerUnavailable();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(Problem.of(ProblemType.FORBIDDEN, "Your role does not allow this operation."));
    }

    @ServerExceptionMapper
    public Response optimisticLock(OptimisticLockException e) {
        return concurrentChange();
    }

    @ServerExceptionMapper
    public Response staleState(StaleStateException e) {
        return concurrentChange();
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        Throwable cause = e.getCause();
        // The JSON reader and the parameter converters wrap their failures; answer for the cause.
        if (cause instanceof UnrecognizedPropertyException unrecognized) {
            return unrecognizedField(unrecognized);
        }
        if (cause instanceof InvalidFormatException invalid) {
            return invalidFormat(invalid);
        }
        if (cause instanceof MismatchedInputException mismatched) {
            return mismatchedInput(mismatched);
        }
        if (cause instanceof JsonMappingException mapping) {
            return jsonMapping(mapping);
        }
        if (cause instanceof JsonProcessingException processing) {
            return malformedJson(processing);
        }
        if (status == 404 && cause instanceof IllegalArgumentException
                || status == 404 && cause instanceof java.time.format.DateTimeParseException) {
            return respond(Problem.of(ProblemType.VALIDATION,
                    "A query or path parameter has the wrong format (numbers, dates YYYY-MM-DD and UUIDs are expected where documented)."));
        }
        if (status >= 500) {
            return unexpected(e);
        }
        ProblemType type = ProblemType.forStatus(status);
        String detail = switch (status) {
            case 404 -> "There is no such resource.";
            case 405 -> "This resource does not support the method.";
            case 406 -> "This resource cannot produce the requested media type.";
            case 413 -> "The request body is larger than this service accepts.";
            case 415 -> "This resource does not accept the request's content type.";
            default -> type.title() + ".";
        };
        return Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(new Problem(type.uri(), type.title(), status, detail, null, null, null, null, null))
                .build();
    }

    @ServerExceptionMapper(priority = Integer.MAX_VALUE)
    public Response unexpected(Throwable e) {
        if (DatabaseFailures.isUnavailable(e)) {
            LOG.warnf("Database unavailable: %s", DatabaseFailures.describe(e));
            return Response.status(503).type(Problem.MEDIA_TYPE).header("Retry-After", "5")
                    .entity(Problem.of(ProblemType.UNAVAILABLE,
                            "The database cannot be reached right now; nothing was changed. Retry shortly."))
                    .build();
        }
        String reference = UUID.randomUUID().toString();
        // The reference ties the client's report to this line. Messages can quote request data, so the
        // log gets the exception classes and stack frames only.
        LOG.errorf(Redacted.of(e), "Unexpected failure, reference %s", reference);
        return respond(Problem.of(ProblemType.INTERNAL,
                "Something went wrong on our side. Quote the reference when you report it.").withReference(reference));
    }

    private static Response concurrentChange() {
        return respond(Problem.of(ProblemType.CONFLICT,
                "Someone else changed this resource at the same moment; read it again and retry."));
    }

    private static Response unauthenticated() {
        return Response.status(401).type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .entity(Problem.of(ProblemType.UNAUTHORIZED, "A valid bearer token is required."))
                .build();
    }

    private static Response providerUnavailable() {
        LOG.warn("The OpenID Connect provider could not be reached to verify a token");
        return Response.status(503).type(Problem.MEDIA_TYPE)
                .header("Retry-After", "10")
                .entity(Problem.of(ProblemType.UNAVAILABLE,
                        "Tokens cannot be verified right now because the identity provider is unreachable."))
                .build();
    }

    static boolean causedByUnreachableProvider(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OIDCException || t instanceof ConnectException
                    || t instanceof io.vertx.core.impl.NoStackTraceThrowable && String.valueOf(t.getMessage()).contains("Connection")) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String fieldName(ConstraintViolation<?> violation) {
        // "create.request.mailingAddress.line1" -> "mailingAddress.line1"; a lone query parameter keeps its name.
        List<String> names = new ArrayList<>();
        boolean firstIsParameter = false;
        for (Path.Node node : violation.getPropertyPath()) {
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR, RETURN_VALUE, CROSS_PARAMETER -> {
                    // the Java method is not part of the API
                }
                default -> {
                    String name = node.getName();
                    boolean named = name != null && !name.startsWith("<");
                    if (names.isEmpty()) {
                        firstIsParameter = node.getKind() == jakarta.validation.ElementKind.PARAMETER;
                    }
                    if (named) {
                        names.add(name);
                    }
                    if (node.getIndex() != null && !names.isEmpty()) {
                        names.set(names.size() - 1, names.get(names.size() - 1) + "[" + node.getIndex() + "]");
                    }
                }
            }
        }
        if (firstIsParameter && names.size() > 1) {
            names.remove(0);
        }
        return String.join(".", names);
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

    private static String expectedType(Class<?> target) {
        if (target == null) {
            return "";
        }
        String name = target.getSimpleName();
        return switch (name) {
            case "LocalDate" -> " (expected a date YYYY-MM-DD)";
            case "OffsetDateTime" -> " (expected a date-time with offset, e.g. 2026-03-01T09:30:00-05:00)";
            case "UUID" -> " (expected a UUID)";
            case "Integer", "int", "Long", "long" -> " (expected a whole number)";
            case "Boolean", "boolean" -> " (expected true or false)";
            case "String" -> " (expected a string)";
            default -> target.isArray() || java.util.Collection.class.isAssignableFrom(target) ? " (expected an array)" : "";
        };
    }
}
