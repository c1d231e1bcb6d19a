package org.asylumcasetracker.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The people who have used the service: each token subject with the username it had when last seen. Ownership
 * and audit are keyed by the subject (stable across renames, never reused); the username is only what is shown.
 * When a subject arrives with another username than recorded, the new name is recorded and {@link AccountNamed}
 * is fired, so that a renamed case worker keeps their clients under their new name.
 *
 * <p>Each instance remembers the pairs it has recorded, so a known person costs no database work.
 */
@ApplicationScoped
public class Accounts {

    private final EntityManager em;
    private final Event<AccountNamed> named;
    private final Clock clock;
    private final Cache<String, String> recorded =
            Caffeine.newBuilder().maximumSize(10_000).build();

    public Accounts(EntityManager em, Event<AccountNamed> named, Clock clock) {
        this.em = em;
        this.named = named;
        this.clock = clock;
    }

    /** Records the caller's current username for their subject, once per instance and name. */
    public void recognize(Caller caller) {
        String subject = caller.subject();
        if (subject == null) {
            return;
        }
        String username = caller.username();
        if (username.equals(recorded.getIfPresent(subject))) {
            return;
        }
        // A transaction of its own: the rename is recorded even if the caller's request then fails.
        QuarkusTransaction.requiringNew().run(() -> record(subject, username, caller.organizationClaim()));
        recorded.put(subject, username);
    }

    /** The subject that last used this username, if anyone has. */
    public Optional<String> subjectOf(String username) {
        List<?> found = em.createNativeQuery(
                        "select subject from account where username = ?1 order by seen_at desc limit 1")
                .setParameter(1, username)
                .getResultList();
        return found.stream().map(String.class::cast).findFirst();
    }

    private void record(String subject, String username, Optional<String> organization) {
        List<?> before = em.createNativeQuery("select username from account where subject = ?1 for update")
                .setParameter(1, subject)
                .getResultList();
        em.createNativeQuery(
                        "insert into account (subject, username, seen_at) values (?1, ?2, ?3)"
                                + " on conflict (subject) do update set username = excluded.username, seen_at = excluded.seen_at")
                .setParameter(1, subject)
                .setParameter(2, username)
                .setParameter(3, OffsetDateTime.now(clock))
                .executeUpdate();
        if (before.isEmpty() || !username.equals(before.get(0))) {
            named.fire(new AccountNamed(subject, username, organization.orElse(null)));
        }
    }
}
