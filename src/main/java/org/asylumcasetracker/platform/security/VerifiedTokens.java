package org.asylumcasetracker.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.quarkus.oidc.runtime.OidcIdentityProvider;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Remembers access tokens that the OIDC extension has verified, so that a client sending the same token
 * again is not verified again: checking the signature and parsing the token twice was about half of the
 * service's CPU for a {@code GET /filings/{id}} (src/bench/README.md).
 *
 * <p>A token is remembered for {@link VerifiedTokensConfig#maxAge()} at most and never past its {@code exp};
 * only the exact same token string matches, and only a verified one is stored, so a changed or expired
 * token always goes to the OIDC extension. What changes: a token signed by a key that Keycloak has since
 * withdrawn keeps working on this instance until its entry ends. The remembered identity keeps nothing of
 * the request that verified it; each use gets the current request's context.
 */
@ApplicationScoped
public class VerifiedTokens implements IdentityProvider<TokenAuthenticationRequest> {

    /** Verifies every token: for tokens that are only valid together with something else the request carries. */
    static final VerifiedTokensConfig OFF = new VerifiedTokensConfig() {
        @Override
        public Duration maxAge() {
            return Duration.ZERO;
        }

        @Override
        public int maxSize() {
            return 0;
        }
    };

    /** Attributes that belong to the request that verified the token, set afresh on every use. */
    private static final String ROUTING_CONTEXT = RoutingContext.class.getName();

    private static final String REQUEST_CONTEXT = AuthenticationRequestContext.class.getName();

    private final IdentityProvider<TokenAuthenticationRequest> verifier;
    private final Clock clock;
    private final Cache<String, SecurityIdentity> verified;

    @Inject
    VerifiedTokens(OidcIdentityProvider verifier, Clock clock, VerifiedTokensConfig config, Config oidc) {
        this(verifier, clock, boundToTheRequest(oidc) ? OFF : config, Ticker.systemTicker());
    }

    /** For tests: a verifier and two clocks that they control. */
    VerifiedTokens(
            IdentityProvider<TokenAuthenticationRequest> verifier,
            Clock clock,
            VerifiedTokensConfig config,
            Ticker ticker) {
        this.verifier = verifier;
        this.clock = clock;
        this.verified = config.maxSize() <= 0
                        || config.maxAge().isZero()
                        || config.maxAge().isNegative()
                ? null
                : Caffeine.newBuilder()
                        .maximumSize(config.maxSize())
                        .expireAfter(new UntilExpiry(clock, config.maxAge()))
                        .ticker(ticker)
                        .recordStats()
                        .build();
    }

    /**
     * A token bound to a client certificate or a DPoP proof is checked against the request each time; the
     * OIDC extension does that while verifying, so such tokens are never taken on trust.
     */
    static boolean boundToTheRequest(Config oidc) {
        boolean certificate = oidc.getOptionalValue("quarkus.oidc.token.binding.certificate", Boolean.class)
                .orElse(false);
        String scheme = oidc.getOptionalValue("quarkus.oidc.token.authorization-scheme", String.class)
                .orElse("Bearer");
        return certificate || !"Bearer".equalsIgnoreCase(scheme);
    }

    void registerMetrics(@Observes StartupEvent started, Instance<MeterRegistry> registry) {
        if (verified != null && registry.isResolvable()) {
            CaffeineCacheMetrics.monitor(registry.get(), verified, "verified-tokens");
        }
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    /** Asked before the OIDC extension's provider, which then only sees what this one hands on. */
    @Override
    public int priority() {
        return IdentityProvider.super.priority() + 1;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(
            TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        if (verified == null) {
            return verifier.authenticate(request, context);
        }
        String token = request.getToken().getToken();
        SecurityIdentity known = verified.getIfPresent(token);
        if (known != null && !expired(known)) {
            return Uni.createFrom().item(forRequest(known, request, context));
        }
        return verifier.authenticate(request, context).invoke(identity -> remember(token, identity));
    }

    /**
     * The verified token that this exact string was, while it is remembered and unexpired; never verifies
     * anything. For deciding about a request before it is authenticated (a refusal by rate limit), not for
     * letting it in.
     */
    public Optional<JsonWebToken> known(String token) {
        if (verified == null || token == null) {
            return Optional.empty();
        }
        // quietly: a look that lets no request in is not a use (no hit in the cache's statistics)
        SecurityIdentity known = verified.policy().getIfPresentQuietly(token);
        if (known == null || expired(known) || !(known.getPrincipal() instanceof JsonWebToken jwt)) {
            return Optional.empty();
        }
        return Optional.of(jwt);
    }

    /** How many tokens are remembered now (after pending removals). */
    long size() {
        if (verified == null) {
            return 0;
        }
        verified.cleanUp();
        return verified.estimatedSize();
    }

    private void remember(String token, SecurityIdentity identity) {
        if (identity != null
                && !identity.isAnonymous()
                && identity.getPrincipal() instanceof JsonWebToken
                && !expired(identity)) {
            verified.put(token, withoutRequest(identity));
        }
    }

    private boolean expired(SecurityIdentity identity) {
        return expiresAtMillis(identity) <= clock.millis();
    }

    private static long expiresAtMillis(SecurityIdentity identity) {
        if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getExpirationTime() > 0) {
            return jwt.getExpirationTime() * 1000L;
        }
        return 0; // a token without exp is never remembered
    }

    private static SecurityIdentity withoutRequest(SecurityIdentity identity) {
        Map<String, Object> attributes = new HashMap<>(identity.getAttributes());
        attributes.remove(ROUTING_CONTEXT);
        attributes.remove(REQUEST_CONTEXT);
        return copy(identity, attributes).build();
    }

    private static SecurityIdentity forRequest(
            SecurityIdentity known, TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        Map<String, Object> attributes = new HashMap<>(known.getAttributes());
        RoutingContext routingContext = HttpSecurityUtils.getRoutingContextAttribute(request);
        if (routingContext != null) {
            attributes.put(ROUTING_CONTEXT, routingContext);
            attributes.put(REQUEST_CONTEXT, context);
        }
        return copy(known, attributes).build();
    }

    private static QuarkusSecurityIdentity.Builder copy(SecurityIdentity identity, Map<String, Object> attributes) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(identity.getPrincipal())
                .addRoles(identity.getRoles())
                .addCredentials(identity.getCredentials())
                .addPermissions(identity.getPermissions())
                .addAttributes(attributes);
    }

    /** An entry lives until the token's exp or the configured age, whichever comes first. */
    private record UntilExpiry(Clock clock, Duration maxAge) implements Expiry<String, SecurityIdentity> {

        @Override
        public long expireAfterCreate(String token, SecurityIdentity identity, long currentTime) {
            long untilExp = Math.max(0, expiresAtMillis(identity) - clock.millis());
            return Math.min(maxAge.toNanos(), Duration.ofMillis(untilExp).toNanos());
        }

        @Override
        public long expireAfterUpdate(String token, SecurityIdentity identity, long currentTime, long currentDuration) {
            return expireAfterCreate(token, identity, currentTime);
        }

        @Override
        public long expireAfterRead(String token, SecurityIdentity identity, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
