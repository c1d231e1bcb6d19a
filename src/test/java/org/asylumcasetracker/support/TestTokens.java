package org.asylumcasetracker.support;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Real signed access tokens shaped like Keycloak's (realm roles in {@code realm_access.roles}, the tenant
 * in {@code org}, this service in {@code aud}, the client in {@code azp}), issued by the in-process OIDC test
 * provider.
 */
public final class TestTokens {

    /** The issuer the wiremock provider announces in its discovery document. */
    public static final String ISSUER = "https://server.example.com";
    /** The audience every token must name (quarkus.oidc.token.audience). */
    public static final String AUDIENCE = "asylum-case-tracker";

    public static final String FRONTEND_CLIENT = "cases-frontend";
    public static final String INTEGRATION_CLIENT = "clinic-integration";

    public static final String ALICE = token("alice", "caseworker", "demo");
    public static final String BOB = token("bob", "supervisor", "demo");
    public static final String DANA = token("dana", "reports", "demo");
    public static final String CAROL = token("carol", "caseworker", "other-clinic");
    public static final String CAROL_SUPERVISOR = token("claire", "supervisor", "other-clinic");
    public static final String ADMIN = token("admin", "admin", null);
    public static final String INTEGRATION = token("service-account-clinic-integration", "integration", "demo");

    private TestTokens() {}

    public static String token(String username, String role, String organization) {
        JwtClaimsBuilder claims = claims(username, role, organization);
        return sign(claims);
    }

    public static JwtClaimsBuilder claims(String username, String role, String organization) {
        JwtClaimsBuilder claims = Jwt.issuer(ISSUER)
                .subject(UUID.nameUUIDFromBytes(username.getBytes()).toString())
                .preferredUserName(username)
                .audience(AUDIENCE)
                .claim("azp", "integration".equals(role) ? INTEGRATION_CLIENT : FRONTEND_CLIENT)
                .claim("realm_access", Map.of("roles", role == null ? List.of() : List.of(role)))
                .expiresIn(3600);
        if (organization != null) {
            claims.claim("org", organization);
        }
        return claims;
    }

    public static String sign(JwtClaimsBuilder claims) {
        return claims.jws().keyId("1").sign("privateKey.jwk");
    }
}
