package org.asylumcasetracker.organization;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.asylumcasetracker.platform.api.ETags;
import org.asylumcasetracker.platform.problem.ConflictException;
import org.asylumcasetracker.platform.problem.InvalidInputException;
import org.asylumcasetracker.platform.problem.ResourceNotFoundException;
import org.asylumcasetracker.platform.security.Caller;
import org.asylumcasetracker.platform.security.Roles;

/** Creates organizations and keeps their alert settings; admins see all, members only their own. */
@ApplicationScoped
public class OrganizationService {

    private final OrganizationRepository organizations;
    private final Caller caller;
    private final CurrentOrganization currentOrganization;
    private final Event<SettingsChanged> settingsChanged;
    private final AlertRecomputations recomputations;

    @Inject
    public OrganizationService(
            OrganizationRepository organizations,
            Caller caller,
            CurrentOrganization currentOrganization,
            Event<SettingsChanged> settingsChanged,
            AlertRecomputations recomputations) {
        this.recomputations = recomputations;
        this.organizations = organizations;
        this.caller = caller;
        this.currentOrganization = currentOrganization;
        this.settingsChanged = settingsChanged;
    }

    @Transactional
    public Organization create(String id, String name, String timeZone, OrganizationSettings settings) {
        ZoneId zone = parseZone(timeZone);
        if (organizations.findByIdOptional(id).isPresent()) {
            throw new ConflictException("An organization with this id already exists.");
        }
        Organization organization = new Organization(id, name.trim(), zone);
        if (settings != null) {
            organization.changeSettings(settings);
        }
        organizations.persistAndFlush(organization);
        return organization;
    }

    public List<Organization> list(int page, int size) {
        return organizations.findAll(Sort.by("id")).page(Page.of(page, size)).list();
    }

    public long count() {
        return organizations.count();
    }

    /** The organization, if the caller may see it: admins any, everyone else only their own (else 404). */
    public Organization visible(String id) {
        if (!caller.hasRole(Roles.ADMIN)) {
            // A token naming an unknown organization is refused (403) before anything else is looked up.
            currentOrganization.id();
            if (!currentOrganization.is(id)) {
                throw new ResourceNotFoundException("Organization", id);
            }
        }
        return organizations.findByIdOptional(id).orElseThrow(() -> new ResourceNotFoundException("Organization", id));
    }

    /**
     * Changed thresholds move every filing's alert windows. They are recomputed in the background (a large
     * clinic has many filings, and a request thread and connection must not be held that long); this only
     * asks for it, and {@link #recomputation} tells when it is done.
     */
    @Transactional
    public Organization changeSettings(String id, OrganizationSettings settings, String ifMatch) {
        Organization organization = visible(id);
        ETags.checkIfMatch(ifMatch, organization.getVersion());
        organization.changeSettings(settings);
        organizations.flush();
        recomputations.request(organization.getId());
        settingsChanged.fire(new SettingsChanged(organization.getId()));
        return organization;
    }

    /** Where the recomputation of the organization's alerts after its last settings change stands, if there was one. */
    public Optional<AlertRecomputations.Status> recomputation(String id) {
        return recomputations.status(id);
    }

    private static ZoneId parseZone(String timeZone) {
        try {
            return ZoneId.of(timeZone);
        } catch (DateTimeException | NullPointerException e) {
            throw InvalidInputException.of("timeZone", "must be an IANA time zone such as America/New_York");
        }
    }
}
