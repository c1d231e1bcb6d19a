package org.asylumcasetracker.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Which clients hold a passport or government ID, looked up for many clients in one query. */
@ApplicationScoped
public class PrimaryIdLookup {

    private final ClientRepository clients;

    @Inject
    public PrimaryIdLookup(ClientRepository clients) {
        this.clients = clients;
    }

    public boolean hasPrimaryId(UUID clientId) {
        return clients.findByIdOptional(clientId).map(Client::hasPrimaryId).orElse(false);
    }

    public Map<UUID, Boolean> hasPrimaryId(Collection<UUID> clientIds) {
        Map<UUID, Boolean> result = new HashMap<>();
        if (!clientIds.isEmpty()) {
            clients.list("id in ?1", clientIds).forEach(c -> result.put(c.getId(), c.hasPrimaryId()));
        }
        return result;
    }
}
