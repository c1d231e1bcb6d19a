package org.asylumcasetracker.platform.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, as the verified token says: the username recorded on every write, the roles, and the
 * {@code org} claim. The organization is never taken from anything but the token.
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

    /**
     * The token's subject ({@code sub}: Keycloak's stable user or service-account id), or the username
     * when a token has none.
     */
    public String subject() {
        if (identity != null && !identity.isAnonymous() && identity.getPrincipal() instanceof JsonWebToken jwt
                && jwt.getSubject() != null) {
            return jwt.getSubject();
        }
        return username();
    }

    public boolean hasRole(String role) {
        return identity != null && identity.hasRole(role);
    }

    /** The organization claim of the token, if there is one. */
    public Optional<String> organizationClaim() {
        if (identity == null || identity.isAnonymous()) {
            return Optional.empty();
        }
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            Object claim = jwt.getClaim(ORG_CLAIM);
            if (claim != null) {
                String value = claim.toString().replace("\"", "").trim();
                return value.isEmpty() ? Optional.empty() : Optional.of(value);
            }
        }
        return Optional.empty();
    }
}
