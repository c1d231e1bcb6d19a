package org.asylumcasetracker.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.asylumcasetracker.alert.ClientAlertRules;
import org.asylumcasetracker.client.ClientService;
import org.asylumcasetracker.filing.Alert;
import org.asylumcasetracker.organization.CurrentOrganization;

/** The alerts about one client of the caller's organization as a person, not as part of one filing. */
@ApplicationScoped
public class ClientAlertService {

    private final ClientService clients;
    private final ClientFactsReader facts;
    private final CurrentOrganization organization;
    private final Clock clock;

    @Inject
    public ClientAlertService(
            ClientService clients, ClientFactsReader facts, CurrentOrganization organization, Clock clock) {
        this.clients = clients;
        this.facts = facts;
        this.organization = organization;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(organization.zone()));
    }

    /** The client's alerts raised on {@code asOf}, most urgent first; 404 for a client of another organization. */
    @Transactional
    public List<Alert> raisedOn(UUID clientId, LocalDate asOf) {
        UUID id = clients.get(clientId).getId();
        return ClientAlertRules.evaluate(facts.read(id), organization.displaySettings(), asOf);
    }
}
