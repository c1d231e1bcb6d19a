package org.asylumcasetracker.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Which clients hold a passport or government ID, looked up for many clients in one query. Only the
 * documents column is read: the alert rules need nothing else of the client. (A single filing's read and an
 * event get the answer with the filing itself, from {@code FilingRepository.lockForView}.)
 */
@ApplicationScoped
public class PrimaryIdLookup {

    private final ClientRepository clients;

    @Inject
    public PrimaryIdLookup(ClientRepository clients) {
        this.clients = clients;
    }

    public boolean hasPrimaryId(UUID clientId) {
        return hasPrimaryId(List.of(clientId)).getOrDefault(clientId, false);
    }

    public Map<UUID, Boolean> hasPrimaryId(Collection<UUID> clientIds) {
        Map<UUID, Boolean> result = new HashMap<>();
        if (!clientIds.isEmpty()) {
            clients.getEntityManager()
                    .createQuery("select c.id, c.identityDocuments from Client c where c.id in :ids", Object[].class)
                    .setParameter("ids", clientIds)
                    .getResultList()
                    .forEach(row -> result.put((UUID) row[0], Client.anyPrimary((Collection<?>) row[1])));
        }
        return result;
    }
}
