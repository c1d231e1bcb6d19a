package org.asylumcasetracker.platform.idempotency;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** The stored keys: claimed before the write, completed with its response in the same transaction. */
@ApplicationScoped
public class IdempotencyStore {

    /** A completed request whose response can be replayed. */
    public record Stored(String requestHash, String operation, int status, String body, String location, String etag) {}

    private final EntityManager em;

    @Inject
    public IdempotencyStore(EntityManager em) {
        this.em = em;
    }

    /**
     * Claims the key for this request. A concurrent claim of the same key waits here until the first
     * transaction ends; an expired key is taken over. Returns false when a live key already exists.
     */
    public boolean claim(
            String scope,
            String key,
            String requestHash,
            String operation,
            OffsetDateTime now,
            OffsetDateTime expiresAt) {
        int rows = em.createNativeQuery("insert into idempotency_key (scope, key, request_hash, operation, created_at,"
                        + " expires_at) values (?1, ?2, ?3, ?4, ?5, ?6)"
                        + " on conflict (scope, key) do update set request_hash = excluded.request_hash,"
                        + " operation = excluded.operation, status = null, body = null, location = null, etag = null,"
                        + " created_at = excluded.created_at, expires_at = excluded.expires_at"
                        + " where idempotency_key.expires_at < excluded.created_at")
                .setParameter(1, scope)
                .setParameter(2, key)
                .setParameter(3, requestHash)
                .setParameter(4, operation)
                .setParameter(5, now)
                .setParameter(6, expiresAt)
                .executeUpdate();
        return rows == 1;
    }

    public void complete(String scope, String key, int status, String body, String location, String etag) {
        em.createNativeQuery("update idempotency_key set status = ?3, body = ?4, location = ?5, etag = ?6"
                        + " where scope = ?1 and key = ?2")
                .setParameter(1, scope)
                .setParameter(2, key)
                .setParameter(3, status)
                .setParameter(4, body)
                .setParameter(5, location)
                .setParameter(6, etag)
                .executeUpdate();
    }

    public Optional<Stored> find(String scope, String key) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select request_hash, operation, status, body, location, etag"
                        + " from idempotency_key where scope = ?1 and key = ?2")
                .setParameter(1, scope)
                .setParameter(2, key)
                .getResultList();
        return rows.stream()
                .findFirst()
                .map(r -> new Stored(
                        (String) r[0],
                        (String) r[1],
                        r[2] == null ? 0 : ((Number) r[2]).intValue(),
                        (String) r[3],
                        (String) r[4],
                        (String) r[5]));
    }

    /** Forgets keys past their time. */
    public int purgeExpired(OffsetDateTime now) {
        return em.createNativeQuery("delete from idempotency_key where expires_at < ?1")
                .setParameter(1, now)
                .executeUpdate();
    }
}
