package org.asylumcasetracker.platform.ratelimit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.asylumcasetracker.platform.problem.Problem;
import org.asylumcasetracker.platform.problem.ProblemType;
import org.asylumcasetracker.platform.security.VerifiedTokens;

/**
 * Refuses a request of a caller or organization whose budget is spent as soon as its headers are read,
 * before it is authenticated and dispatched, when its bearer token is one this instance has verified before
 * ({@link VerifiedTokens}). A client that keeps sending after its 429 then costs a header lookup per
 * request instead of a whole request: measured with one clinic's four connections sending without pause,
 * such refusals were most of what slowed the other clinics down (src/bench/fairness.sh).
 *
 * <p>The answer is the one {@link RateLimitFilter} gives, which stays the one place that takes a request's
 * tokens and refuses whatever this lets through: a token not seen before, a budget that has a token left, a
 * request other than a read without a body ({@code GET}, {@code HEAD}; so that no connection is left with an
 * unread body) and a browser's request (an {@code Origin} header, so that its 429 goes through the CORS
 * handling and the page can read it).
 */
@ApplicationScoped
public class EarlyRefusals {

    /** Requests refused here, before dispatch; they are also counted in {@link RateLimiter#METRIC}. */
    public static final String METRIC = "asylum.rate.limited.before.dispatch";

    private static final String BEARER = "Bearer ";

    private final VerifiedTokens tokens;
    private final RateLimiter limiter;
    private final ObjectMapper mapper;
    private final Counter refused;

    public EarlyRefusals(VerifiedTokens tokens, RateLimiter limiter, ObjectMapper mapper, MeterRegistry registry) {
        this.tokens = tokens;
        this.limiter = limiter;
        this.mapper = mapper;
        this.refused = Counter.builder(METRIC)
                .description("Requests refused with 429 before they were authenticated and dispatched")
                .register(registry);
    }

    void register(@Observes Router router) {
        router.route("/api/*").order(Integer.MIN_VALUE + 200).handler(this::handle);
    }

    private void handle(RoutingContext context) {
        Optional<RateLimiter.Refusal> refusal = refusal(context.request());
        if (refusal.isEmpty()) {
            context.next();
            return;
        }
        String body;
        try {
            body = mapper.writeValueAsString(RateLimitFilter.problem(refusal.get()));
        } catch (JsonProcessingException e) {
            context.next(); // the ordinary way answers it
            return;
        }
        refused.increment();
        context.response()
                .setStatusCode(ProblemType.TOO_MANY_REQUESTS.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.RETRY_AFTER, Long.toString(refusal.get().retryAfterSeconds()))
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .putHeader("X-Content-Type-Options", "nosniff")
                .end(body);
    }

    private Optional<RateLimiter.Refusal> refusal(HttpServerRequest request) {
        if (!bodilessRead(request) || request.getHeader(HttpHeaders.ORIGIN) != null) {
            return Optional.empty();
        }
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        return tokens.known(authorization.substring(BEARER.length()).trim())
                .flatMap(jwt -> limiter.peek(RateLimitFilter.subject(jwt), RateLimitFilter.organization(jwt)));
    }

    private static boolean bodilessRead(HttpServerRequest request) {
        if (request.method() != HttpMethod.GET && request.method() != HttpMethod.HEAD) {
            return false;
        }
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        return request.getHeader(HttpHeaders.TRANSFER_ENCODING) == null
                && (length == null || "0".equals(length.trim()));
    }
}
