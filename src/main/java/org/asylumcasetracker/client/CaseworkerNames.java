package org.asylumcasetracker.client;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManager;
import org.asylumcasetracker.platform.security.AccountNamed;

/**
 * Keeps the {@code caseworker} username shown on clients in step with the person who owns them (by token
 * subject): a renamed case worker's clients show the new name, and clients that were assigned by a username
 * before anyone of the organization used the service under it belong to the first person who does.
 * Runs before other observers, which may copy the name (alert windows).
 */
@ApplicationScoped
public class CaseworkerNames {

    private final EntityManager em;

    public CaseworkerNames(EntityManager em) {
        this.em = em;
    }

    void onAccountNamed(@Observes @Priority(Interceptor.Priority.APPLICATION) AccountNamed named) {
        if (named.organization() == null) {
            return; // no organization, no clients (admins)
        }
        em.createNativeQuery("update client set caseworker = ?3 where organization_id = ?1 and caseworker_subject = ?2"
                        + " and caseworker is distinct from ?3")
                .setParameter(1, named.organization())
                .setParameter(2, named.subject())
                .setParameter(3, named.username())
                .executeUpdate();
        em.createNativeQuery("update client set caseworker_subject = ?2 where organization_id = ?1 and caseworker = ?3"
                        + " and caseworker_subject is null")
                .setParameter(1, named.organization())
                .setParameter(2, named.subject())
                .setParameter(3, named.username())
                .executeUpdate();
    }
}
