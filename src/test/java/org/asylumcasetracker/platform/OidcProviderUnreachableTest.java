package org.asylumcasetracker.platform;

import static org.asylumcasetracker.support.Api.as;
import static org.asylumcasetracker.support.Management.management;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.asylumcasetracker.support.TestTokens;
import org.junit.jupiter.api.Test;

/** When Keycloak cannot be reached, callers learn that the service is unavailable, not that it broke. */
@QuarkusTest
@TestProfile(OidcProviderUnreachableTest.UnreachableProvider.class)
class OidcProviderUnreachableTest {

    public static class UnreachableProvider implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // Port 1 on loopback: nothing listens there, connections are refused at once.
            return Map.of(
                    "quarkus.oidc.auth-server-url",
                    "http://127.0.0.1:1/realms/legal-aid",
                    "quarkus.oidc.connection-timeout",
                    "2S");
        }
    }

    @Test
    void aBearerRequestGets503ProblemJson() {
        as(TestTokens.BOB)
                .get("/api/v1/organizations/demo/settings")
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .body("status", equalTo(503))
                .body(not(containsString("Exception")));
    }

    @Test
    void healthStillAnswers() {
        management().get("/q/health/live").then().statusCode(200);
    }
}
