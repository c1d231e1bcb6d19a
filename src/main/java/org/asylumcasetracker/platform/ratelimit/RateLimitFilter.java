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
        String subject = jwt.getSubject() != null ? jwt.getSubject() : jwt.getName();
        Object claim = jwt.getClaim(Caller.ORG_CLAIM);
        String organization =
                claim == null ? null : claim.toString().replace("\"", "").trim();
        return limiter.acquire(subject, organization == null || organization.isEmpty() ? null : organization)
                .map(RateLimitFilter::tooManyRequests)
                .orElse(null);
    }

    /** 429 problem+json with {@code Retry-After}, saying which budget ran out. */
    public static Response tooManyRequests(RateLimiter.Refusal refusal) {
        String what = switch (refusal.scope()) {
            case TOKEN -> "The request budget of this caller is spent for the moment";
            case ORGANIZATION -> "The request budget of this organization is spent for the moment";
            case EXPORT -> "This organization already has as many CSV exports running as it may";
        };
        return Response.status(ProblemType.TOO_MANY_REQUESTS.status())
                .type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(refusal.retryAfterSeconds()))
                .entity(Problem.of(
                        ProblemType.TOO_MANY_REQUESTS, what + "; retry after " + refusal.retryAfterSeconds() + " s."))
                .build();
    }
}
