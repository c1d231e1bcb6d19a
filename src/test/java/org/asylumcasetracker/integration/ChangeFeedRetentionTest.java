package org.asylumcasetracker.integration;

import static org.asylumcasetracker.support.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.asylumcasetracker.integration.feed.ChangeFeedPurge;
import org.asylumcasetracker.support.AllOrganizations;
import org.asylumcasetracker.support.Mother;
import org.asylumcasetracker.support.Organizations;
import org.asylumcasetracker.support.TestTokens;
import org.junit.jupiter.api.Test;

/** The change feed forgets entries past its retention period (90 days); a cursor from before that is 410. */
@QuarkusTest
class ChangeFeedRetentionTest {

    @Inject
    ChangeFeedPurge purge;

    @Inject
    EntityManager em;

    @Test
    void entriesPastRetentionArePurgedOnceADayAndACursorBeforeThemIsGone() {
        Organizations.ensureDemoTenants();
        UUID oldEntity = UUID.randomUUID();
        // Two entries written long ago: early transaction ids and a time 120 days back.
        AllOrganizations.run(() -> {
            for (String txid : List.of("2", "3")) {
                em.createNativeQuery(
                                "insert into change_feed (txid, organization_id, type, entity_type, entity_id, occurred_at)"
                                        + " values (cast(:txid as xid8), 'demo', 'CLIENT_CREATED', 'CLIENT', :entity, now() - interval '120 days')")
                        .setParameter("txid", txid)
                        .setParameter("entity", oldEntity)
                        .executeUpdate();
            }
        });
        String recent = Mother.createClient(TestTokens.ALICE);
        JsonPath firstPage = as(TestTokens.INTEGRATION)
                .queryParam("limit", 1)
                .get("/api/v1/changes")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(oldEntity.toString(), firstPage.getString("items[0].entityId"));
        String oldCursor = firstPage.getString("next");

        ChangeFeedPurge.Run run = purge.run(Instant.now());
        ChangeFeedPurge.Run again = purge.run(Instant.now());

        assertTrue(run.claimed());
        assertTrue(run.deleted() >= 2, "the two old entries: " + run);
        assertFalse(again.claimed(), "the day's purge ran already (on any instance)");
        as(TestTokens.INTEGRATION)
                .queryParam("after", oldCursor)
                .get("/api/v1/changes")
                .then()
                .statusCode(410)
                .contentType("application/problem+json")
                .body("status", equalTo(410))
                .body("detail", containsString("retention"));
        List<String> fromStart = as(TestTokens.INTEGRATION)
                .queryParam("limit", 1000)
                .get("/api/v1/changes")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.entityId");
        assertFalse(fromStart.contains(oldEntity.toString()), "purged");
        assertTrue(fromStart.contains(recent), "recent entries stay");
        String latest = as(TestTokens.INTEGRATION)
                .queryParam("limit", 1000)
                .get("/api/v1/changes")
                .then()
                .extract()
                .path("next");
        as(TestTokens.INTEGRATION)
                .queryParam("after", latest)
                .get("/api/v1/changes")
                .then()
                .statusCode(200);
    }
}
