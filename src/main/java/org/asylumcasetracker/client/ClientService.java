package org.asylumcasetracker.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.asylumcasetracker.client.api.ClientRequest;
import org.asylumcasetracker.organization.CurrentOrganization;
import org.asylumcasetracker.platform.Text;
import org.asylumcasetracker.platform.api.ByRefUpsert;
import org.asylumcasetracker.platform.api.ByRefUpsert.Upserted;
import org.asylumcasetracker.platform.api.ETags;
import org.asylumcasetracker.platform.api.PageResponse;
import org.asylumcasetracker.platform.api.RequestValidation;
import org.asylumcasetracker.platform.problem.ConflictException;
import org.asylumcasetracker.platform.problem.InvalidInputException;
import org.asylumcasetracker.platform.problem.ResourceNotFoundException;
import org.asylumcasetracker.platform.security.Accounts;
import org.asylumcasetracker.platform.security.Caller;
import org.asylumcasetracker.platform.security.Roles;
import org.jboss.logging.Logger;

/** Creates, finds and changes clients of the caller's organization. */
@ApplicationScoped
public class ClientService {

    private static final Logger LOG = Logger.getLogger(ClientService.class);

    private final ClientRepository clients;
    private final CurrentOrganization organization;
    private final Caller caller;
    private final RequestValidation validation;
    private final Event<ClientChanged> changed;
    private final Accounts accounts;
    private final Clock clock;

    @Inject
    public ClientService(
            ClientRepository clients,
            CurrentOrganization organization,
            Caller caller,
            RequestValidation validation,
            Event<ClientChanged> changed,
            Accounts accounts,
            Clock clock) {
        this.clock = clock;
        this.accounts = accounts;
        this.changed = changed;
        this.clients = clients;
        this.organization = organization;
        this.caller = caller;
        this.validation = validation;
    }

    @Transactional
    public Client create(ClientRequest request) {
        Client client = new Client(organization.id());
        LocalDate moved = apply(client, request, true);
        clients.persistAndFlush(client);
        LOG.debugf("Created client %s in organization %s", client.getId(), client.getOrganizationId());
        changed.fire(new ClientChanged(client.getId(), client.getOrganizationId(), true, client.getVersion(), moved));
        return client;
    }

    public Client get(UUID id) {
        return clients.findInOrganization(organization.id(), id)
                .orElseThrow(() -> new ResourceNotFoundException("Client", id));
    }

    public PageResponse<Client> list(String q, String caseworker, int page, int size) {
        String aNumber = q == null ? null : ANumber.normalize(q).orElse(null);
        PanacheQuery<Client> query = clients.search(organization.id(), q, aNumber, caseworker);
        return new PageResponse<>(query.page(Page.of(page, size)).list(), page, size, query.count());
    }

    @Transactional
    public Client patch(UUID id, JsonNode patch, String ifMatch) {
        Client client = get(id);
        ETags.checkIfMatch(ifMatch, client.getVersion());
        ClientRequest merged = validation.merge(ClientRequest.from(client), patch, ClientRequest.class);
        LocalDate moved = apply(client, merged, false);
        clients.flush();
        changed.fire(new ClientChanged(client.getId(), client.getOrganizationId(), false, client.getVersion(), moved));
        return client;
    }

    /** PUT by the clinic system's own id: creates the client, or replaces its fields. */
    @Transactional
    public Upserted<Client> upsert(String externalRef, ClientRequest request, String ifMatch) {
        ClientRequest withRef = withExternalRef(request, externalRef);
        return ByRefUpsert.upsert(
                "Client",
                externalRef,
                request.externalRef(),
                ifMatch,
                () -> clients.findByExternalRef(organization.id(), externalRef),
                Client::getVersion,
                () -> create(withRef),
                client -> {
                    LocalDate moved = apply(client, withRef, false);
                    clients.flush();
                    changed.fire(new ClientChanged(
                            client.getId(), client.getOrganizationId(), false, client.getVersion(), moved));
                    return client;
                });
    }

    /**
     * Writes the request into the client; returns the day of the move when the mailing address changed (the
     * request's {@code movedOn}, default today where the organization works), else {@code null}. A first address
     * on file is no move, unless {@code movedOn} says it is one.
     */
    private LocalDate apply(Client client, ClientRequest request, boolean isNew) {
        LocalDate today = LocalDate.now(clock.withZone(organization.zone()));
        if (request.movedOn() != null && request.movedOn().isAfter(today)) {
            throw InvalidInputException.of("movedOn", "must not be after today (" + today + ")");
        }
        MailingAddress before = client.getMailingAddress();
        MailingAddress after = request.mailingAddress() == null
                ? null
                : request.mailingAddress().toAddress();
        boolean moved = after != null
                && !after.isEmpty()
                && !MailingAddress.same(before, after)
                && (before != null || request.movedOn() != null);
        String aNumber = null;
        if (request.aNumber() != null && !request.aNumber().isBlank()) {
            aNumber = ANumber.normalize(request.aNumber())
                    .orElseThrow(() -> InvalidInputException.of("aNumber", ANumber.FORMAT_MESSAGE));
        }
        String externalRef = Text.blankToNull(request.externalRef());
        if (externalRef != null && !externalRef.equals(client.getExternalRef())) {
            clients.findByExternalRef(organization.id(), externalRef)
                    .filter(other -> !other.getId().equals(client.getId()))
                    .ifPresent(other -> {
                        throw new ConflictException(
                                "Another client of this organization already has this externalRef.");
                    });
        }
        String caseworker = Text.blankToNull(request.caseworker());
        if (isNew && caseworker == null && caller.hasRole(Roles.CASEWORKER)) {
            // A case worker who enters a client is responsible for it unless someone else is named.
            caseworker = caller.username();
        }
        client.update(
                externalRef,
                request.firstName().trim(),
                request.lastName().trim(),
                request.dateOfBirth(),
                aNumber,
                Text.blankToNull(request.preferredLanguage()),
                Text.blankToNull(request.phone()),
                Text.blankToNull(request.email()),
                after,
                request.lastArrivalOn(),
                request.identityDocuments(),
                caseworker,
                request.oneYearDeadlineException());
        if (caseworker != null && client.getCaseworkerSubject() == null) {
            client.ownedBy(subjectOf(caseworker));
        }
        if (!moved) {
            return null;
        }
        LocalDate movedOn = request.movedOn() != null ? request.movedOn() : today;
        client.movedOn(movedOn);
        return movedOn;
    }

    /**
     * The person known by this username now: the caller, or whoever last used the service under that name.
     * Nobody yet: the client is claimed by the first person of the organization who arrives with that name.
     */
    private String subjectOf(String username) {
        if (username.equals(caller.username()) && caller.subject() != null) {
            accounts.recognize(caller);
            return caller.subject();
        }
        return accounts.subjectOf(username).orElse(null);
    }

    private static ClientRequest withExternalRef(ClientRequest r, String externalRef) {
        return new ClientRequest(
                externalRef,
                r.firstName(),
                r.lastName(),
                r.dateOfBirth(),
                r.aNumber(),
                r.preferredLanguage(),
                r.phone(),
                r.email(),
                r.mailingAddress(),
                r.lastArrivalOn(),
                r.identityDocuments(),
                r.caseworker(),
                r.oneYearDeadlineException(),
                r.movedOn());
    }
}
