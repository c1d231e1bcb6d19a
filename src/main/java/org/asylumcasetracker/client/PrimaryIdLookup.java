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
 * event get the answer with the filing itself, from {@code FilingRepository.lockForView}, as {@link #fromPairs}.)
 */
@ApplicationScoped
public class PrimaryIdLookup {

    private static final IdentityDocumentsConverter DOCUMENTS = new IdentityDocumentsConverter();

    private final ClientRepository clients;

    @Inject
    public PrimaryIdLookup(ClientRepository clients) {
        this.clients = clients;
    }

    /**
     * The answer from clients' documents as one string: {@code client-id=DOCUMENT,DOCUMENT} pairs separated by
     * {@code ;}, each documents column as stored (null: no client).
     */
    public static Map<UUID, Boolean> fromPairs(String pairs) {
        Map<UUID, Boolean> result = new HashMap<>();
        if (pairs != null) {
            for (String pair : pairs.split(";")) {
                int equals = pair.indexOf('=');
                result.put(
                        UUID.fromString(pair.substring(0, equals)),
                        Client.anyPrimary(DOCUMENTS.convertToEntityAttribute(pair.substring(equals + 1))));
            }
        }
        return result;
    }

    public boolean hasPrimaryId(UUID clientId) {
        return hasPrimaryId(List.of(clientId)).getOrDefault(clientId, false);
    }

    /**
     * A native query: the HQL form ({@code c.id in :ids}) is translated again on each call, since its list parameter
     * has another length each time, which cost more than the query itself.
     */
    public Map<UUID, Boolean> hasPrimaryId(Collection<UUID> clientIds) {
        Map<UUID, Boolean> result = new HashMap<>();
        if (!clientIds.isEmpty()) {
            List<?> rows = clients.getEntityManager()
                    .createNativeQuery("select id, identity_documents from client where id in (?1)", Object[].class)
                    .setParameter(1, clientIds)
                    .getResultList();
            for (Object row : rows) {
                Object[] columns = (Object[]) row;
                result.put(
                        (UUID) columns[0], Client.anyPrimary(DOCUMENTS.convertToEntityAttribute((String) columns[1])));
            }
        }
        return result;
    }
}
