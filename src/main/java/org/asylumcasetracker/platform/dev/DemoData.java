package org.asylumcasetracker.platform.dev;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.ZoneId;
import org.asylumcasetracker.organization.Organization;
import org.asylumcasetracker.organization.OrganizationRepository;
import org.jboss.logging.Logger;

/** Dev mode only: the organizations of the demo users, created once in the persistent dev database. */
@IfBuildProfile("dev")
@ApplicationScoped
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class);

    private final OrganizationRepository organizations;

    public DemoData(OrganizationRepository organizations) {
        this.organizations = organizations;
    }

    @Transactional
    void seed(@Observes StartupEvent event) {
        if (organizations.findByIdOptional("demo").isPresent()) {
            return;
        }
        organizations.persist(new Organization("demo", "Demo Immigration Legal Services", ZoneId.of("America/New_York")));
        organizations.persist(new Organization("other-clinic", "Other Clinic", ZoneId.of("America/Los_Angeles")));
        LOG.info("Demo organizations created: demo, other-clinic");
    }
}
