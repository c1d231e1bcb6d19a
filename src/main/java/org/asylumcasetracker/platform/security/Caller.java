package org.asylumcasetracker.platform.security;

import io.quarkus.oidc.runtime.OidcJwtCallerPrincipal;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, as the verified token says: the subject and username recorded on every write, the roles,
 * and the {@code org} claim. The organization is never taken from anything but the token.
 *
 * <p>The subject ({@code sub}) is the identity: Keycloak's user id, the same for a person across renames and
 * never given to anyone else. The username ({@code preferred_username}) is what people read; it can change.
 */
@RequestScoped
public class Caller {

    public static final String ORG_CLAIM = "org";
    public static final String SYSTEM = "system";

    private final SecurityIdentity identity;

    @Inject
    public Caller(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** The username (Keycloak's preferred_username; service accounts appear as service-account-…). */
    public String username() {
        if (identity == null || identity.isAnonymous()) {
            return SYSTEM;
        }
        return identity.getPrincipal().getName();
    }

    /** The token's subject; {@code null} for writes of the service itself (no caller). */
    public String subject() {
        if (identity == null || identity.isAnonymous()) {
            return null;
        }
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            return jwt.getSubject();
        }
        return null;
    }

    public boolean hasRole(String role) {
        return identity != null && identity.hasRole(role);
    }

    /** The organization claim of the token, if there is one. */
    public Optional<String> organizationClaim() {
        if (identity == null || identity.isAnonymous()) {
            return Optional.empty();
        }
        return identity.getPrincipal() instanceof JsonWebToken jwt ? organizationOf(jwt) : Optional.empty();
    }

    /**
     * The {@code org} claim of a verified token, if it names an organization. Read from the token's claims
     * where the principal offers them: {@link JsonWebToken#getClaim} first looks the name up among the claims
     * MicroProfile JWT defines, and for any other name throws and catches an exception, which several times per
     * request cost a measurable share of a filing read.
     */
    public static Optional<String> organizationOf(JsonWebToken jwt) {
        Object claim = jwt instanceof OidcJwtCallerPrincipal oidc
                ? oidc.getClaims().getClaimValue(ORG_CLAIM)
                : jwt.getClaim(ORG_CLAIM);
        if (claim == null) {
            return Optional.empty();
        }
        String value = claim.toString().replace("\"", "").trim();
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }
}
