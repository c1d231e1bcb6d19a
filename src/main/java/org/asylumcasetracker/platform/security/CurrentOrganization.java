package org.asylumcasetracker.platform.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.time.ZoneId;
import org.asylumcasetracker.organization.Organization;
import org.asylumcasetracker.organization.OrganizationRepository;
import org.asylumcasetracker.platform.problem.AccessDeniedException;

/**
 * The tenant of the current request: the organization named by the token's {@code org} claim. Every
 * feature scopes its reads and writes with {@link #id()}; a token without the claim, or naming an
 * organization that does not exist, is refused with 403.
 */
@RequestScoped
public class CurrentOrganization {

    private final Caller caller;
    private final OrganizationRepository organizations;
    private Organization resolved;

    @Inject
    public CurrentOrganization(Caller caller, OrganizationRepository organizations) {
        this.caller = caller;
        this.organizations = organizations;
    }

    public String id() {
        return organization().getId();
    }

    public ZoneId zone() {
        return organization().zone();
    }

    public Organization organization() {
        if (resolved == null) {
            String claim = caller.organizationClaim()
                    .orElseThrow(() -> new AccessDeniedException("The token names no organization."));
            resolved = organizations.findByIdOptional(claim)
                    .orElseThrow(() -> new AccessDeniedException("The token's organization is not known to this service."));
        }
        return resolved;
    }

    /** True when the caller belongs to the given organization (admins belong to none). */
    public boolean is(String organizationId) {
        return caller.organizationClaim().filter(organizationId::equals).isPresent();
    }
}
