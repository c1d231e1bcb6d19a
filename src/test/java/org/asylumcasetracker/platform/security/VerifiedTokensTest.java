package org.asylumcasetracker.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

/** The token cache in front of the OIDC verifier, with a fake verifier and clocks the test moves. */
class VerifiedTokensTest {

    private static final Instant START = Instant.parse("2026-11-26T12:00:00Z");

    private final MovableTime time = new MovableTime();
    private final CountingVerifier verifier = new CountingVerifier();

    @Test
    void aTokenIsVerifiedOnceAndItsIdentityReused() {
        VerifiedTokens tokens = tokens(Duration.ofSeconds(60), 100);
        verifier.expiresIn = Duration.ofMinutes(5);

        SecurityIdentity first = authenticate(tokens, "token-a");
        SecurityIdentity second = authenticate(tokens, "token-a");
        SecurityIdentity third = authenticate(tokens, "token-a");

        assertEquals(1, verifier.calls.size());
        assertEquals("alice", third.getPrincipal().getName());
        assertEquals(Set.of(Roles.CASEWORKER), third.getRoles());
        assertSame(first.getPrincipal(), second.getPrincipal());
        assertEquals(1, tokens.size());
    }

    @Test
    void knownNamesOnlyARememberedUnexpiredTokenAndNeverVerifies() {
        VerifiedTokens tokens = tokens(Duration.ofSeconds(60), 100);
        verifier.expiresIn = Duration.ofSeconds(30);
        assertTrue(tokens.known("token-a").isEmpty(), "a token never verified is unknown");
        assertEquals(0, verifier.calls.size());

        authenticate(tokens, "token-a");
        assertEquals("alice", tokens.known("token-a").orElseThrow().getName());
        assertTrue(tokens.known("token-a.").isEmpty(), "only the exact string matches");

        time.advance(Duration.ofSeconds(30));
        assertTrue(tokens.known("token-a").isEmpty(), "a token past its exp is unknown");
        assertEquals(1, verifier.calls.size());
    }

    @Test
    void anotherTokenIsVerified() {
        VerifiedTokens tokens = tokens(Duration.ofSeconds(60), 100);
        authenticate(tokens, "token-a");
        authenticate(tokens, "token-b");
        authenticate(tokens, "token-a.");

        assertEquals(List.of("token-a", "token-b", "token-a."), verifier.calls);
    }

    @Test
    void aRememberedTokenStopsWorkingAtItsExp() {
        VerifiedTokens tokens = tokens(Duration.ofSeconds(60), 100);
        verifier.expiresIn = Duration.ofSeconds(30);
        authenticate(tokens, "token-a");

        time.advance(Duration.ofSeconds(29));
        authenticate(tokens, "token-a");
        assertEquals(1, verifier.calls.size());

        time.advance(Duration.ofSeconds(1));
        verifier.failure = () -> new AuthenticationFailedException("expired");
        assertThrows(AuthenticationFailedException.class, () -> authenticate(tokens, "token-a"));
        assertEquals(2, verifier.calls.size());
    }

    @Test
    void aTokenIsVerifiedAgainAfterTheMaxAge() {
        VerifiedTokens tokens = tokens(Duration.ofSeconds(60), 100);
        verifier.expiresIn = Duration.ofHours(1);
        authenticate(tokens, "token-a");

        time.advance(Duration.ofSeconds(59));
        authenticate(tokens, "token-a");
        assertEquals(1, verifier.calls.size());

        time.advance(Duration.ofSeconds(2));
        verifier.failure = () -> new AuthenticationFailedException("signing key withdrawn");
        assertThrows(AuthenticationFailedException.class, () -> authenticate(tokens, "token-a"));
        assertEquals(2, verifier.calls.size());
    }

    @Test
    void aRefusedTokenIsNotRemembered() {
        VerifiedTokens tokens = tokens(Duration.ofSeconds(60), 100);
        verifier.failure = () -> new AuthenticationFailedException("bad signature");

        assertThrows(AuthenticationFailedException.class, () -> authenticate(tokens, "forged"));
        assertThrows(AuthenticationFailedException.class, () -> authenticate(tokens, "forged"));

        assertEquals(2, verifier.calls.size());
        assertEquals(0, tokens.size());
    }

    @Test
    void aTokenAlreadyExpiredWhenVerifiedIsNotRemembered() {
        VerifiedTokens tokens = tokens(Duration.ofSeconds(60), 100);
        verifier.expiresIn = Duration.ZERO;

        authenticate(tokens, "token-a");
        authenticate(tokens, "token-a");

        assertEquals(2, verifier.calls.size());
    }

    @Test
    void sizeZeroVerifiesEveryRequest() {
        VerifiedTokens tokens = tokens(Duration.ofSeconds(60), 0);
        authenticate(tokens, "token-a");
        authenticate(tokens, "token-a");

        assertEquals(2, verifier.calls.size());
    }

    @Test
    void theNumberOfRememberedTokensIsBounded() {
        VerifiedTokens tokens = tokens(Duration.ofSeconds(60), 10);
        for (int i = 0; i < 200; i++) {
            authenticate(tokens, "token-" + i);
        }
        assertTrue(tokens.size() <= 10, "remembered " + tokens.size());
    }

    @Test
    void eachUseCarriesItsOwnRequestAndNotTheOneThatVerified() {
        VerifiedTokens tokens = tokens(Duration.ofSeconds(60), 100);
        RoutingContext firstRequest = routingContext();
        RoutingContext secondRequest = routingContext();

        SecurityIdentity first = authenticate(tokens, "token-a", firstRequest);
        SecurityIdentity second = authenticate(tokens, "token-a", secondRequest);

        assertSame(firstRequest, first.getAttribute(RoutingContext.class.getName()));
        assertSame(secondRequest, second.getAttribute(RoutingContext.class.getName()));
        assertEquals("default", second.getAttribute("tenant-id"));
        assertEquals(1, verifier.calls.size());
    }

    @Test
    void tokensBoundToACertificateOrADpopProofAreNeverTakenOnTrust() {
        assertEquals(false, VerifiedTokens.boundToTheRequest(config(Map.of())));
        assertEquals(
                false,
                VerifiedTokens.boundToTheRequest(config(Map.of("quarkus.oidc.token.authorization-scheme", "bearer"))));
        assertEquals(
                true,
                VerifiedTokens.boundToTheRequest(config(Map.of("quarkus.oidc.token.binding.certificate", "true"))));
        assertEquals(
                true,
                VerifiedTokens.boundToTheRequest(config(Map.of("quarkus.oidc.token.authorization-scheme", "DPoP"))));

        VerifiedTokens tokens = new VerifiedTokens(verifier, time.clock(), VerifiedTokens.OFF, time::nanos);
        authenticate(tokens, "token-a");
        authenticate(tokens, "token-a");
        assertEquals(2, verifier.calls.size());
    }

    private static org.eclipse.microprofile.config.Config config(Map<String, String> properties) {
        return new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "test", 100))
                .build();
    }

    private VerifiedTokens tokens(Duration maxAge, int maxSize) {
        VerifiedTokensConfig config = new VerifiedTokensConfig() {
            @Override
            public Duration maxAge() {
                return maxAge;
            }

            @Override
            public int maxSize() {
                return maxSize;
            }
        };
        return new VerifiedTokens(verifier, time.clock(), config, time::nanos);
    }

    private static SecurityIdentity authenticate(VerifiedTokens tokens, String token) {
        return authenticate(tokens, token, routingContext());
    }

    private static SecurityIdentity authenticate(VerifiedTokens tokens, String token, RoutingContext request) {
        TokenAuthenticationRequest authentication =
                new TokenAuthenticationRequest(new TokenCredential(token, "bearer"));
        HttpSecurityUtils.setRoutingContextAttribute(authentication, request);
        AuthenticationRequestContext blocking = supplier -> Uni.createFrom().item(supplier.get());
        return tokens.authenticate(authentication, blocking).await().indefinitely();
    }

    private static RoutingContext routingContext() {
        return (RoutingContext) Proxy.newProxyInstance(
                VerifiedTokensTest.class.getClassLoader(),
                new Class<?>[] {RoutingContext.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> null;
                });
    }

    /** Wall clock and Caffeine's ticker, moved together. */
    private static final class MovableTime {
        private Duration elapsed = Duration.ZERO;

        void advance(Duration duration) {
            elapsed = elapsed.plus(duration);
        }

        long nanos() {
            return elapsed.toNanos();
        }

        Clock clock() {
            return new Clock() {
                @Override
                public ZoneOffset getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(java.time.ZoneId zone) {
                    return this;
                }

                @Override
                public Instant instant() {
                    return START.plus(elapsed);
                }
            };
        }
    }

    /** Stands in for the OIDC extension: records each token it is asked to verify. */
    private final class CountingVerifier implements IdentityProvider<TokenAuthenticationRequest> {
        final List<String> calls = new ArrayList<>();
        Duration expiresIn = Duration.ofMinutes(5);
        Supplier<RuntimeException> failure;

        @Override
        public Class<TokenAuthenticationRequest> getRequestType() {
            return TokenAuthenticationRequest.class;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(
                TokenAuthenticationRequest request, AuthenticationRequestContext context) {
            calls.add(request.getToken().getToken());
            if (failure != null) {
                return Uni.createFrom().failure(failure.get());
            }
            long exp = time.clock().instant().plus(expiresIn).getEpochSecond();
            return Uni.createFrom()
                    .item(QuarkusSecurityIdentity.builder()
                            .setPrincipal(new Jwt("alice", exp))
                            .addRole(Roles.CASEWORKER)
                            .addCredential(request.getToken())
                            .addAttribute("tenant-id", "default")
                            .addAttribute(
                                    RoutingContext.class.getName(),
                                    HttpSecurityUtils.getRoutingContextAttribute(request))
                            .build());
        }
    }

    private record Jwt(String name, long exp) implements JsonWebToken {

        @Override
        public String getName() {
            return name;
        }

        @Override
        public Set<String> getClaimNames() {
            return Set.of("exp", "preferred_username");
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getClaim(String claimName) {
            return (T) Map.<String, Object>of("exp", exp, "preferred_username", name)
                    .get(claimName);
        }
    }
}
