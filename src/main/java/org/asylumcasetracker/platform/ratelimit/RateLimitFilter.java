package org.asylumcasetracker.platform.ratelimit;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.asylumcasetracker.platform.problem.Problem;
import org.asylumcasetracker.platform.problem.ProblemType;
import org.asylumcasetracker.platform.security.Caller;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Applies the {@link RateLimiter} to every API request that carries a verified token: 429 problem+json
 * with {@code Retry-After} when the caller's or the organization's budget is spent. Requests without a valid
 * token are left to the security checks (401), which run on them anyway.
 */
public class RateLimitFilter {

    private final CurrentIdentityAssociation identities;
    private final RateLimiter limiter;

    @Inject
    public RateLimitFilter(CurrentIdentityAssociation identities, RateLimiter limiter) {
        this.identities = identities;
        this.limiter = limiter;
    }

    @ServerRequestFilter(priority = Priorities.AUTHORIZATION + 1)
    public Uni<Response> limit() {
        return identities.getDeferredIdentity().map(this::limit).onFailure().recoverWithNull();
    }

    private Response limit(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return null;
        }
        return limiter.acquire(subject(jwt), organization(jwt))
                .map(RateLimitFilter::tooManyRequests)
                .orElse(null);
    }

    /** Whose budget a verified token spends: its subject (else its name). */
    static String subject(JsonWebToken jwt) {
        return jwt.getSubject() != null ? jwt.getSubject() : jwt.getName();
    }

    /** The organization whose budget a verified token also spends, if it names one. */
    static String organization(JsonWebToken jwt) {
        return Caller.organizationOf(jwt).orElse(null);
    }

    /** 429 problem+json with {@code Retry-After}, saying which budget ran out. */
    public static Response tooManyRequests(RateLimiter.Refusal refusal) {
        return Response.status(ProblemType.TOO_MANY_REQUESTS.status())
                .type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(refusal.retryAfterSeconds()))
                .entity(problem(refusal))
                .build();
    }

    /** The body of a 429: which budget ran out and when to try again. */
    static Problem problem(RateLimiter.Refusal refusal) {
        String what = switch (refusal.scope()) {
            case TOKEN -> "The request budget of this caller is spent for the moment";
            case ORGANIZATION -> "The request budget of this organization is spent for the moment";
            case EXPORT -> "As many CSV exports as may run at once are running, this organization's or the service's";
        };
        return Problem.of(ProblemType.TOO_MANY_REQUESTS, what + "; retry after " + refusal.retryAfterSeconds() + " s.");
    }
}
