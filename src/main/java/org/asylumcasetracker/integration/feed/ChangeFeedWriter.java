package org.asylumcasetracker.integration.feed;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.UUID;
import org.asylumcasetracker.client.ClientChanged;
import org.asylumcasetracker.filing.FilingChanged;
import org.asylumcasetracker.filing.Stage;

/** Appends to the change feed inside the transaction that made the change, so both commit or neither. */
@ApplicationScoped
public class ChangeFeedWriter {

    private final EntityManager em;

    @Inject
    public ChangeFeedWriter(EntityManager em) {
        this.em = em;
    }

    void onClientChanged(@Observes ClientChanged change) {
        append(
                change.organizationId(),
                change.created() ? ChangeType.CLIENT_CREATED : ChangeType.CLIENT_UPDATED,
                "CLIENT",
                change.clientId(),
                null,
                change.version(),
                null);
    }

    void onFilingChanged(@Observes FilingChanged change) {
        ChangeType type = switch (change.kind()) {
            case CREATED -> ChangeType.FILING_CREATED;
            case UPDATED -> ChangeType.FILING_UPDATED;
            case EVENT_RECORDED -> ChangeType.EVENT_RECORDED;
            case EVENT_RETRACTED -> ChangeType.EVENT_RETRACTED;
        };
        append(
                change.organizationId(),
                type,
                "FILING",
                change.filingId(),
                change.eventId(),
                change.version(),
                change.stageAfter());
    }

    private void append(
            String organizationId,
            ChangeType type,
            String entityType,
            UUID entityId,
            UUID relatedId,
            long version,
            Stage stage) {
        em.createNativeQuery("insert into change_feed (organization_id, type, entity_type, entity_id, related_id,"
                        + " version, stage) values (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
                .setParameter(1, organizationId)
                .setParameter(2, type.name())
                .setParameter(3, entityType)
                .setParameter(4, entityId)
                .setParameter(5, relatedId)
                .setParameter(6, version)
                .setParameter(7, stage == null ? null : stage.name())
                .executeUpdate();
    }
}
