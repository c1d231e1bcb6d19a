package org.asylumcasetracker.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import io.quarkus.oidc.OIDCException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.ConnectException;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.asylumcasetracker.platform.api.RequestValidation;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where failures become {@code application/problem+json}: the service's own refusals
 * ({@link DomainException} and its kinds), unreadable or invalid input, security and persistence failures.
 * Nothing here echoes an exception message that was not written for clients: stack traces, SQL and class
 * names stay out of responses, and the log gets identifiers only.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final String INVALID = "One or more fields are invalid.";

    // The service's refusals: each kind of DomainException has one problem type.

    @ServerExceptionMapper
    public Response invalidInput(InvalidInputException e) {
        return respond(Problem.of(ProblemType.VALIDATION, e.getMessage()).withErrors(e.errors()));
    }

    @ServerExceptionMapper
    public Response malformedRequest(MalformedRequestException e) {
        return respond(Problem.of(ProblemType.MALFORMED_REQUEST, e.getMessage()));
    }

    @ServerExceptionMapper
    public Response accessDenied(AccessDeniedException e) {
        return respond(Problem.of(ProblemType.FORBIDDEN, e.getMessage()));
    }

    @ServerExceptionMapper
    public Response organizationRequired(OrganizationRequiredException e) {
        return respond(Problem.of(ProblemType.ORGANIZATION_REQUIRED, e.getMessage()));
    }

    @ServerExceptionMapper
    public Response notFound(ResourceNotFoundException e) {
        return respond(Problem.of(ProblemType.NOT_FOUND, e.getMessage()));
    }

    @ServerExceptionMapper
    public Response conflict(ConflictException e) {
        return respond(Problem.of(ProblemType.CONFLICT, e.getMessage()));
    }

    @ServerExceptionMapper
    public Response stageConflict(StageConflictException e) {
        return respond(Problem.of(ProblemType.STAGE_CONFLICT, e.getMessage()).with("allowedEvents", e.allowedEvents()));
    }

    @ServerExceptionMapper
    public Response versionMismatch(VersionMismatchException e) {
        return respond(Problem.of(ProblemType.PRECONDITION_FAILED, e.getMessage()));
    }

    @ServerExceptionMapper
    public Response gone(GoneException e) {
        return respond(Problem.of(ProblemType.GONE, e.getMessage()));
    }

    @ServerExceptionMapper
    public Response unavailable(ServiceUnavailableException e) {
        return respond(Problem.of(ProblemType.UNAVAILABLE, e.getMessage()));
    }

    @ServerExceptionMapper
    public Response domainRule(DomainRuleException e) {
        return respond(Problem.of(ProblemType.DOMAIN_RULE, e.getMessage()).withCode(e.code()));
    }

    // Input that Bean Validation or Jackson refused.

    @ServerExceptionMapper
    public Response beanValidation(ResteasyReactiveViolationException e) {
        return constraintViolations(e);
    }

    @ServerExceptionMapper
    public Response constraintViolations(ConstraintViolationException e) {
        return respond(
                Problem.of(ProblemType.VALIDATION, INVALID).withErrors(FieldErrors.of(e.getConstraintViolations())));
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e) {
        return respond(JsonProblems.of(e));
    }

    // Quarkus has mappers of its own for these two; these take precedence by naming the exact types.

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        return respond(JsonProblems.of(e));
    }

    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException e) {
        return respond(JsonProblems.of(e));
    }

    @ServerExceptionMapper
    public Response unreadablePatch(RequestValidation.PatchReadException e) {
        return respond(JsonProblems.of(e.json()));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        Throwable cause = e.getCause();
        // The JSON reader and the parameter converters wrap their failures; answer for the cause.
        if (cause instanceof JsonProcessingException json) {
            return respond(JsonProblems.of(json));
        }
        if (status == 404 && (cause instanceof IllegalArgumentException || cause instanceof DateTimeParseException)) {
            return respond(
                    Problem.of(
                            ProblemType.VALIDATION,
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
        return Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .entity(new Problem(type.uri(), type.title(), status, detail, null, null, null, null, null))
                .build();
    }

    // Security.

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return unauthenticated();
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return causedByUnreachableProvider(e) ? providerUnavailable() : unauthenticated();
    }

    @ServerExceptionMapper
    public Response oidc(OIDCException e) {
        return providerUnavailable();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(Problem.of(ProblemType.FORBIDDEN, "Your role does not allow this operation."));
    }

    // Persistence.

    @ServerExceptionMapper
    public Response uniqueConstraint(org.hibernate.exception.ConstraintViolationException e) {
        // A concurrent writer took the same unique value (e.g. an externalRef) first.
        return respond(Problem.of(
                ProblemType.CONFLICT, "This conflicts with an existing record (a unique value is already taken)."));
    }

    @ServerExceptionMapper
    public Response optimisticLock(OptimisticLockException e) {
        return concurrentChange();
    }

    @ServerExceptionMapper
    public Response staleState(StaleStateException e) {
        return concurrentChange();
    }

    @ServerExceptionMapper(priority = Integer.MAX_VALUE)
    public Response unexpected(Throwable e) {
        if (DatabaseFailures.isUnavailable(e)) {
            LOG.warnf("Database unavailable: %s", DatabaseFailures.describe(e));
            return Response.status(503)
                    .type(Problem.MEDIA_TYPE)
                    .header("Retry-After", "5")
                    .entity(Problem.of(
                            ProblemType.UNAVAILABLE,
                            "The database cannot be reached right now; nothing was changed. Retry shortly."))
                    .build();
        }
        String reference = UUID.randomUUID().toString();
        // The reference ties the client's report to this line. Messages can quote request data, so the
        // log gets the exception classes and stack frames only.
        LOG.errorf(Redacted.of(e), "Unexpected failure, reference %s", reference);
        return respond(Problem.of(
                        ProblemType.INTERNAL,
                        "Something went wrong on our side. Quote the reference when you report it.")
                .withReference(reference));
    }

    private static Response concurrentChange() {
        return respond(Problem.of(
                ProblemType.CONFLICT,
                "Someone else changed this resource at the same moment; read it again and retry."));
    }

    private static Response unauthenticated() {
        return Response.status(401)
                .type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .entity(Problem.of(ProblemType.UNAUTHORIZED, "A valid bearer token is required."))
                .build();
    }

    private static Response providerUnavailable() {
        LOG.warn("The OpenID Connect provider could not be reached to verify a token");
        return Response.status(503)
                .type(Problem.MEDIA_TYPE)
                .header("Retry-After", "10")
                .entity(Problem.of(
                        ProblemType.UNAVAILABLE,
                        "Tokens cannot be verified right now because the identity provider is unreachable."))
                .build();
    }

    private static boolean causedByUnreachableProvider(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OIDCException || t instanceof ConnectException) {
                return true;
            }
        }
        return false;
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem)
                .build();
    }
}
