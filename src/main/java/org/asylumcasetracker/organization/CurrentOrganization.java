package org.asylumcasetracker.organization;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.time.ZoneId;
import org.asylumcasetracker.platform.problem.OrganizationRequiredException;
import org.asylumcasetracker.platform.security.Caller;

/**
 * The tenant of the current request: the organization named by the token's {@code org} claim. Every
 * feature scopes its reads and writes with {@link #id()}; a token without the claim, or naming an
 * organization that does not exist, is refused with 403. Reads take the tenant's time zone and display
 * thresholds from the {@link OrganizationDirectory}; writes that decide by the settings use {@link #organization()}.
 */
@RequestScoped
public class CurrentOrganization {

    private final Caller caller;
    private final OrganizationRepository organizations;
    private final OrganizationDirectory directory;
    private OrganizationDirectory.Snapshot snapshot;
    private Organization resolved;

    @Inject
    public CurrentOrganization(Caller caller, OrganizationRepository organizations, OrganizationDirectory directory) {
        this.caller = caller;
        this.organizations = organizations;
        this.directory = directory;
    }

    public String id() {
        return snapshot().id();
    }

    public ZoneId zone() {
        return snapshot().zone();
    }

    /** The thresholds for showing alerts; on another instance up to {@link OrganizationDirectory#TTL} old. */
    public OrganizationSettings displaySettings() {
        return snapshot().settings();
    }

    /** The organization as stored now, for writes that decide by its settings. */
    public Organization organization() {
        if (resolved == null) {
            resolved = organizations
                    .findByIdOptional(id())
                    .orElseThrow(() -> new OrganizationRequiredException(
                            "The token's organization is not known to this service."));
        }
        return resolved;
    }

    private OrganizationDirectory.Snapshot snapshot() {
        if (snapshot == null) {
            String claim = caller.organizationClaim()
                    .orElseThrow(() -> new OrganizationRequiredException("The token names no organization."));
            snapshot = directory
                    .find(claim)
                    .orElseThrow(() -> new OrganizationRequiredException(
                            "The token's organization is not known to this service."));
        }
        return snapshot;
    }

    /** True when the caller belongs to the given organization (admins belong to none). */
    public boolean is(String organizationId) {
        return caller.organizationClaim().filter(organizationId::equals).isPresent();
    }
}
