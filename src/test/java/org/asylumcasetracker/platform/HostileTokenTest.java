package org.asylumcasetracker.platform;

import static org.asylumcasetracker.support.Api.as;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.spec.SecretKeySpec;
import org.asylumcasetracker.support.Organizations;
import org.asylumcasetracker.support.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tokens that are well signed by the provider's own key but must still be refused (expired, not yet
 * valid, wrong issuer), and forged ones, each with 401 problem+json, also when the same token was accepted
 * before it expired. The real-Keycloak counterpart is
 * {@code HostileTokenIT}.
 */
@QuarkusTest
class HostileTokenTest {

    @Inject
    MeterRegistry meters;

    private static final String PROBE = "/api/v1/organizations/demo/settings";

    @BeforeEach
    void tenants() {
        Organizations.ensureDemoTenants();
    }

    @Test
    void theGenuineTokenWorks() {
        as(TestTokens.token("bob", "supervisor", "demo")).get(PROBE).then().statusCode(200);
    }

    @Test
    void expired() {
        long past = Instant.now().minusSeconds(7200).getEpochSecond();
        String token = TestTokens.sign(
                TestTokens.claims("bob", "supervisor", "demo").issuedAt(past).expiresAt(past + 600));
        refused(token);
    }

    @Test
    void aTokenThatWorkedStopsAtItsExpEvenThoughItIsRemembered() throws InterruptedException {
        // the service remembers verified tokens (platform/security/VerifiedTokens); exp still ends them
        long exp = Instant.now().getEpochSecond() + 3;
        String token =
                TestTokens.sign(TestTokens.claims("bob", "supervisor", "demo").expiresAt(exp));
        as(token).get(PROBE).then().statusCode(200);
        double hits = rememberedTokenHits();
        as(token).get(PROBE).then().statusCode(200);
        assertEquals(hits + 1, rememberedTokenHits(), "the second request is served from the remembered token");

        await("the token's exp has passed")
                .atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> Instant.now().getEpochSecond() > exp);
        refused(token);
    }

    @Test
    void notYetValid() {
        long future = Instant.now().plusSeconds(7200).getEpochSecond();
        String token = TestTokens.sign(TestTokens.claims("bob", "supervisor", "demo")
                .issuedAt(future)
                .claim("nbf", future)
                .expiresAt(future + 3600));
        refused(token);
    }

    @Test
    void wrongIssuer() {
        refused(TestTokens.sign(TestTokens.claims("bob", "supervisor", "demo").issuer("https://evil.example.com")));
    }

    @Test
    void aTokenForAnotherAudience() {
        refused(TestTokens.sign(TestTokens.claims("bob", "supervisor", "demo").audience("account")));
        refused(TestTokens.sign(TestTokens.claims("bob", "supervisor", "demo").audience(java.util.Set.of())));
        as(TestTokens.sign(TestTokens.claims("bob", "supervisor", "demo")
                        .audience(java.util.Set.of("account", TestTokens.AUDIENCE))))
                .get(PROBE)
                .then()
                .statusCode(200);
    }

    @Test
    void aTokenOfAnotherClientOfTheRealmEvenWithTheAudience() {
        // a client that is given this service's audience by mistake (e.g. a default client scope) is still refused
        refused(TestTokens.sign(TestTokens.claims("bob", "supervisor", "demo").claim("azp", "admin-cli")));
        refused(TestTokens.sign(TestTokens.claims("bob", "supervisor", "demo").remove("azp")));
        as(TestTokens.sign(TestTokens.claims("bob", "supervisor", "demo").claim("azp", TestTokens.INTEGRATION_CLIENT)))
                .get(PROBE)
                .then()
                .statusCode(200);
    }

    @Test
    void anotherKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        refused(TestTokens.claims("bob", "supervisor", "demo")
                .jws()
                .keyId("1")
                .sign(generator.generateKeyPair().getPrivate()));
    }

    @Test
    void hs256() {
        refused(TestTokens.claims("bob", "supervisor", "demo")
                .jws()
                .algorithm(SignatureAlgorithm.HS256)
                .keyId("1")
                .sign(new SecretKeySpec(
                        "a-secret-that-is-long-enough-for-hs256!!".getBytes(StandardCharsets.UTF_8), "HmacSHA256")));
    }

    @Test
    void algNone() {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String body = b64.encodeToString(("{\"iss\":\"" + TestTokens.ISSUER + "\",\"preferred_username\":\"bob\","
                        + "\"org\":\"demo\",\"realm_access\":{\"roles\":[\"supervisor\"]},\"exp\":"
                        + (Instant.now().getEpochSecond() + 600) + "}")
                .getBytes(StandardCharsets.UTF_8));
        refused(header + "." + body + ".");
    }

    @Test
    void rolesInTheWrongClaimGrantNothing() {
        // only realm_access.roles counts; a "groups" claim naming admin must not make anyone an admin
        String token = TestTokens.sign(TestTokens.claims("eve", null, "demo")
                .claim("groups", List.of("admin"))
                .claim("resource_access", Map.of("cases-frontend", Map.of("roles", List.of("admin")))));
        as(token).get("/api/v1/organizations").then().statusCode(403);
    }

    private double rememberedTokenHits() {
        return meters.get("cache.gets")
                .tag("cache", "verified-tokens")
                .tag("result", "hit")
                .functionCounter()
                .count();
    }

    private static void refused(String token) {
        as(token).get(PROBE).then().statusCode(401).contentType("application/problem+json");
    }
}
