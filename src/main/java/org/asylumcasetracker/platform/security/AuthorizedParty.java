package org.asylumcasetracker.platform.security;

import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.JwtContext;
import org.jose4j.jwt.consumer.Validator;

/**
 * Accepts only access tokens issued to the clients this service serves: the {@code azp} (authorized party)
 * claim of OpenID Connect Core 1.0 §2 names the client a token was issued to. The audience check
 * ({@code quarkus.oidc.token.audience}) already refuses tokens without this service in {@code aud}; this one
 * also refuses a client of the same realm that someone has given the audience by mistake, for example through
 * a default client scope. The OIDC extension runs it while verifying a token, so a refused token is a 401
 * like any other invalid token.
 */
@Unremovable
@ApplicationScoped
public class AuthorizedParty implements Validator {

    static final String AZP = "azp";

    private final Set<String> allowed;

    public AuthorizedParty(@ConfigProperty(name = "asylum.security.allowed-clients") List<String> allowed) {
        this.allowed = Set.copyOf(allowed);
    }

    @Override
    public String validate(JwtContext context) throws MalformedClaimException {
        String party = context.getJwtClaims().getStringClaimValue(AZP);
        if (party == null) {
            return "The token names no authorized party (azp).";
        }
        return allowed.contains(party) ? null : "The token was issued to a client this service does not serve.";
    }
}
