package org.asylumcasetracker.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.oidc.runtime.OidcJwtCallerPrincipal;
import io.quarkus.security.credential.TokenCredential;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

/** The organization a verified token names, read the same whichever kind of principal carries the token. */
class CallerTest {

    @Test
    void theOrgClaimNamesTheOrganization() {
        assertNamed(Optional.of("clinic-north"), claims("clinic-north"));
    }

    @Test
    void aTokenWithoutTheClaimOrWithABlankOneNamesNone() {
        assertNamed(Optional.empty(), claims(null));
        assertNamed(Optional.empty(), claims("  "));
    }

    @Test
    void surroundingSpaceAndQuotesAreNotPartOfTheName() {
        assertNamed(Optional.of("clinic-north"), claims(" \"clinic-north\" "));
    }

    /** Both kinds of principal read the same organization from the same claims. */
    private static void assertNamed(Optional<String> expected, JwtClaims claims) {
        assertEquals(expected, Caller.organizationOf(oidc(claims)));
        assertEquals(expected, Caller.organizationOf(plain(claims)));
    }

    /** A case worker's claims, with {@code org} as given ({@code null}: none). */
    private static JwtClaims claims(String org) {
        JwtClaims claims = new JwtClaims();
        claims.setSubject("3f1c0e52-6f0e-4a57-9d55-0f4b1a2c7e11");
        claims.setClaim("preferred_username", "caseworker-1");
        if (org != null) {
            claims.setStringClaim(Caller.ORG_CLAIM, org);
        }
        return claims;
    }

    /** As the OIDC extension verifies a bearer token. */
    private static JsonWebToken oidc(JwtClaims claims) {
        return new OidcJwtCallerPrincipal(claims, new TokenCredential("not-a-real-token", "bearer"));
    }

    /** Any other MicroProfile JWT principal: the claim is asked for by name. */
    private static JsonWebToken plain(JwtClaims claims) {
        return new DefaultJWTCallerPrincipal("JWT", claims);
    }
}
