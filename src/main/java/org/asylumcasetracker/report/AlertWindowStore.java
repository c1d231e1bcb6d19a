package org.asylumcasetracker.report;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.asylumcasetracker.alert.AlertRules;
import org.asylumcasetracker.alert.AlertWindow;
import org.asylumcasetracker.alert.FilingFacts;
import org.asylumcasetracker.client.ClientChanged;
import org.asylumcasetracker.client.PrimaryIdLookup;
import org.asylumcasetracker.filing.Filing;
import org.asylumcasetracker.filing.FilingChanged;
import org.asylumcasetracker.filing.FilingRepository;
import org.asylumcasetracker.organization.Organization;
import org.asylumcasetracker.organization.OrganizationRepository;
import org.asylumcasetracker.platform.persistence.SqlValues;
import org.asylumcasetracker.platform.security.AccountNamed;

/**
 * Keeps the stored alert windows equal to what the alert rules derive from each filing's current facts.
 * It listens, inside the writing transaction, to every change that can move a window: a filing or its
 * timeline, the client's identity documents. A change of the organization's settings is followed in the
 * background ({@link AlertRecomputeJob}).
 */
@ApplicationScoped
public class AlertWindowStore {

    private static final int BATCH = 500;

    private final EntityManager em;
    private final FilingRepository filings;
    private final OrganizationRepository organizations;
    private final PrimaryIdLookup primaryIds;

    @Inject
    public AlertWindowStore(
            EntityManager em,
            FilingRepository filings,
            OrganizationRepository organizations,
            PrimaryIdLookup primaryIds) {
        this.em = em;
        this.filings = filings;
        this.organizations = organizations;
        this.primaryIds = primaryIds;
    }

    void onFilingChanged(@Observes FilingChanged event) {
        if (!event.factsChanged()) {
            // Windows follow from the facts, the settings and the time zone; none of them moved.
            return;
        }
        Filing filing = filings.findById(event.filingId());
        Organization organization = organizations.findById(filing.getOrganizationId());
        replace(filing, organization, primaryIds.hasPrimaryId(peopleOf(List.of(filing))));
    }

    void onClientChanged(@Observes ClientChanged event) {
        // the filings the client is on, as principal or as a family member
        @SuppressWarnings("unchecked")
        List<Filing> ofClient = em.createNativeQuery(
                        "select * from filing where client_id = ?1 or family_member_ids like ?2", Filing.class)
                .setParameter(1, event.clientId())
                .setParameter(2, "%" + event.clientId() + "%")
                .getResultList();
        if (ofClient.isEmpty()) {
            return;
        }
        Organization organization = organizations.findById(ofClient.get(0).getOrganizationId());
        Map<UUID, Boolean> hasPrimaryId = primaryIds.hasPrimaryId(peopleOf(ofClient));
        ofClient.forEach(filing -> replace(filing, organization, hasPrimaryId));
        // The report groups and filters by the windows' own copy of the case worker: follow a reassignment.
        em.createNativeQuery("update alert_window w set caseworker = c.caseworker from client c"
                        + " where c.id = ?1 and w.client_id = c.id and w.caseworker is distinct from c.caseworker")
                .setParameter(1, event.clientId())
                .executeUpdate();
    }

    /** The windows' copy of the case worker's name follows a rename (the client's name is updated first). */
    void onAccountNamed(@Observes AccountNamed named) {
        if (named.organization() == null) {
            return;
        }
        em.createNativeQuery("update alert_window w set caseworker = c.caseworker from client c"
                        + " where c.organization_id = ?1 and c.caseworker_subject = ?2 and w.client_id = c.id"
                        + " and w.caseworker is distinct from c.caseworker")
                .setParameter(1, named.organization())
                .setParameter(2, named.subject())
                .executeUpdate();
    }

    /**
     * Recomputes one batch of the organization's filings (in id order, after {@code afterFilingId}) in a
     * transaction of its own, and returns the last filing's id, or empty when there were none left. The
     * background recomputation after a settings change calls it until the end, so that no transaction,
     * and no lock, lasts the whole organization.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<UUID> recomputeBatch(String organizationId, UUID afterFilingId) {
        Organization organization = organizations.findById(organizationId);
        List<Filing> batch = afterFilingId == null
                ? filings.find("organizationId", Sort.by("id"), organizationId)
                        .page(0, BATCH)
                        .list()
                : filings.find("organizationId = ?1 and id > ?2", Sort.by("id"), organizationId, afterFilingId)
                        .page(0, BATCH)
                        .list();
        Map<UUID, Boolean> hasPrimaryId = primaryIds.hasPrimaryId(peopleOf(batch));
        for (Filing filing : batch) {
            replace(filing, organization, hasPrimaryId);
        }
        return batch.isEmpty()
                ? Optional.empty()
                : Optional.of(batch.get(batch.size() - 1).getId());
    }

    /** Everyone on the filings, principals and family members. */
    private static List<UUID> peopleOf(List<Filing> ofFilings) {
        return ofFilings.stream()
                .flatMap(f -> java.util.stream.Stream.concat(
                        java.util.stream.Stream.of(f.getClientId()), f.getFamilyMemberIds().stream()))
                .distinct()
                .toList();
    }

    /** One person's alert window. */
    private record PersonWindow(UUID clientId, AlertWindow window) {}

    /**
     * Replaces the filing's windows with the ones each person's facts give now; unchanged windows are left alone.
     * {@code hasPrimaryId} tells, by client, who holds a passport or government ID (absent: no).
     */
    public void replace(Filing filing, Organization organization, Map<UUID, Boolean> hasPrimaryId) {
        List<PersonWindow> windows = FilingFacts.ofEveryone(filing, hasPrimaryId).stream()
                .flatMap(facts -> AlertRules.windows(facts, organization.settings(), organization.zone()).stream()
                        .map(window -> new PersonWindow(facts.clientId(), window)))
                .toList();
        // Most events (a logged contact, say) move no window: skip the rewrite and its dead rows.
        if (new java.util.HashSet<>(windows).equals(new java.util.HashSet<>(stored(filing.getId())))) {
            return;
        }
        em.createNativeQuery("delete from alert_window where filing_id = ?1")
                .setParameter(1, filing.getId())
                .executeUpdate();
        for (PersonWindow personWindow : windows) {
            AlertWindow window = personWindow.window();
            em.createNativeQuery("insert into alert_window (filing_id, code, organization_id, client_id, severity_rank,"
                            + " due_on, ends_on, venue, caseworker)"
                            + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, (select caseworker from client where id = ?4))")
                    .setParameter(1, filing.getId())
                    .setParameter(2, window.code().name())
                    .setParameter(3, filing.getOrganizationId())
                    .setParameter(4, personWindow.clientId())
                    .setParameter(5, (short) window.code().severity().ordinal())
                    .setParameter(6, window.dueOn())
                    .setParameter(7, window.endsOn())
                    .setParameter(8, filing.getVenue().name())
                    .executeUpdate();
        }
    }

    private List<PersonWindow> stored(UUID filingId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "select code, due_on, ends_on, client_id from alert_window where filing_id = ?1")
                .setParameter(1, filingId)
                .getResultList();
        return rows.stream()
                .map(r -> new PersonWindow(
                        (UUID) r[3],
                        new AlertWindow(
                                org.asylumcasetracker.filing.AlertCode.valueOf((String) r[0]),
                                SqlValues.toLocalDate(r[1]),
                                SqlValues.toLocalDate(r[2]))))
                .toList();
    }
}
