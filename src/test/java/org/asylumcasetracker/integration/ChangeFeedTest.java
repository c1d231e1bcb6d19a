package org.asylumcasetracker.integration;

import static org.asylumcasetracker.support.Api.anonymous;
import static org.asylumcasetracker.support.Api.as;
import static org.asylumcasetracker.support.Dates.daysAgo;
import static org.asylumcasetracker.support.Mother.event;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.asylumcasetracker.platform.persistence.OrganizationScope;
import org.asylumcasetracker.support.Mother;
import org.asylumcasetracker.support.Organizations;
import org.asylumcasetracker.support.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ChangeFeedTest {

    private static final String CHANGES = "/api/v1/changes";

    @Inject
    DataSource dataSource;

    private final List<String> cursors = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void tenants() {
        Organizations.ensureDemoTenants();
    }

    @Test
    void everyKindOfChangeInOrderWithPaging() {
        String org = freshOrganization();
        String integration = TestTokens.token("svc", "integration", org);
        String supervisor = TestTokens.token("sue", "supervisor", org);
        String client = Mother.createClient(integration);
        as(integration)
                .body(Map.of("phone", "+1 555 0101"))
                .patch("/api/v1/clients/" + client)
                .then()
                .statusCode(200);
        String filing = Mother.createFiling(integration, Mother.uscisFiling(client, "MAIL", 30));
        String eventId = as(integration)
                .body(event("RECEIPT_RECEIVED", daysAgo(2), "receiptNumber", Mother.RECEIPT_NUMBER))
                .post("/api/v1/filings/{id}/events", filing)
                .then()
                .statusCode(201)
                .extract()
                .path("event.id");
        as(supervisor)
                .post("/api/v1/filings/{id}/events/{e}/retraction", filing, eventId)
                .then()
                .statusCode(200);

        as(integration)
                .get(CHANGES)
                .then()
                .statusCode(200)
                .body(
                        "items.type",
                        contains(
                                "CLIENT_CREATED",
                                "CLIENT_UPDATED",
                                "FILING_CREATED",
                                "EVENT_RECORDED",
                                "EVENT_RETRACTED"))
                .body("items[0].entityId", equalTo(client))
                .body("items[1].version", equalTo(1))
                .body("items[3].eventId", equalTo(eventId))
                .body("items[3].clientId", equalTo(client)) // the receipt is the principal's own
                .body("items[4].clientId", equalTo(client))
                .body("items[2].clientId", equalTo(null))
                .body("items[3].stage", equalTo("AWAITING_BIOMETRICS_NOTICE"))
                .body("items[4].stage", equalTo("AWAITING_RECEIPT"));

        JsonPath first = as(integration)
                .queryParam("limit", 2)
                .get(CHANGES)
                .then()
                .extract()
                .jsonPath();
        assertEquals(List.of("CLIENT_CREATED", "CLIENT_UPDATED"), first.getList("items.type"));
        JsonPath second = as(integration)
                .queryParam("limit", 2)
                .queryParam("after", first.getString("next"))
                .get(CHANGES)
                .then()
                .extract()
                .jsonPath();
        assertEquals(List.of("FILING_CREATED", "EVENT_RECORDED"), second.getList("items.type"));
        JsonPath third = as(integration)
                .queryParam("after", second.getString("next"))
                .get(CHANGES)
                .then()
                .extract()
                .jsonPath();
        assertEquals(List.of("EVENT_RETRACTED"), third.getList("items.type"));
        as(integration)
                .queryParam("after", third.getString("next"))
                .get(CHANGES)
                .then()
                .body("items", empty())
                .body("next", equalTo(third.getString("next")));
    }

    @Test
    void aTransactionThatCommitsLateIsDeliveredNotSkipped() throws Exception {
        String org = freshOrganization();
        String integration = TestTokens.token("svc", "integration", org);
        UUID slow = UUID.randomUUID();
        UUID fast = UUID.randomUUID();
        try (Connection slowTx = OrganizationScope.ofOrganization(org, () -> dataSource.getConnection());
                Connection fastTx = OrganizationScope.ofOrganization(org, () -> dataSource.getConnection())) {
            slowTx.setAutoCommit(false);
            fastTx.setAutoCommit(false);
            // The slow transaction writes first, so it holds the earlier place in the feed...
            insertChange(slowTx, org, slow);
            // ...then a fast one writes and commits while the slow one is still open.
            insertChange(fastTx, org, fast);
            fastTx.commit();

            // A reader now must not move past the slow transaction's place: it sees nothing yet.
            JsonPath meanwhile = as(integration)
                    .get(CHANGES)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            assertEquals(List.of(), meanwhile.getList("items"));
            String cursor = meanwhile.getString("next");

            slowTx.commit();

            // After the late commit, both arrive, the slow one first, from the cursor the reader held.
            JsonPath after = as(integration)
                    .queryParam("after", cursor)
                    .get(CHANGES)
                    .then()
                    .extract()
                    .jsonPath();
            assertEquals(List.of(slow.toString(), fast.toString()), after.getList("items.entityId"));
            as(integration)
                    .queryParam("after", after.getString("next"))
                    .get(CHANGES)
                    .then()
                    .body("items", empty());
        }
    }

    @Test
    void positionsCompareAsNumbersAcrossADigitBoundary() throws Exception {
        // Regression: feed positions once sorted as text, so "100" came before "99" and pages skipped rows.
        // Transactions 99 and 100 ended long ago (the migrations alone take more), so both rows are final.
        String org = freshOrganization();
        String integration = TestTokens.token("svc", "integration", org);
        UUID earlier = UUID.randomUUID();
        UUID later = UUID.randomUUID();
        try (Connection connection = OrganizationScope.ofOrganization(org, () -> dataSource.getConnection());
                PreparedStatement insert = connection.prepareStatement(
                        "insert into change_feed (txid, organization_id,"
                                + " type, entity_type, entity_id, version) values (cast(? as xid8), ?, 'CLIENT_UPDATED', 'CLIENT', ?, 1)")) {
            connection.setAutoCommit(true);
            for (Object[] row : new Object[][] {{"100", later}, {"99", earlier}}) {
                insert.setString(1, (String) row[0]);
                insert.setString(2, org);
                insert.setObject(3, row[1]);
                insert.executeUpdate();
            }
        }
        JsonPath first = as(integration)
                .queryParam("limit", 1)
                .get(CHANGES)
                .then()
                .extract()
                .jsonPath();
        JsonPath second = as(integration)
                .queryParam("limit", 1)
                .queryParam("after", first.getString("next"))
                .get(CHANGES)
                .then()
                .extract()
                .jsonPath();
        assertEquals(List.of(earlier.toString()), first.getList("items.entityId"));
        assertEquals(List.of(later.toString()), second.getList("items.entityId"));
    }

    @Test
    void pagingWhileWritersRunFindsEveryChangeExactlyOnce() throws Exception {
        String org = freshOrganization();
        String integration = TestTokens.token("svc", "integration", org);
        int writers = 4;
        int writesEach = 15;
        ExecutorService pool = Executors.newFixedThreadPool(writers + 1);
        List<String> acknowledged = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean writing = new AtomicBoolean(true);
        List<Future<?>> writes = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            writes.add(pool.submit(() -> {
                for (int i = 0; i < writesEach; i++) {
                    String id = Mother.createClient(integration);
                    acknowledged.add(id + "|CLIENT_CREATED|0");
                    as(integration)
                            .body(Map.of("preferredLanguage", "es"))
                            .patch("/api/v1/clients/" + id)
                            .then()
                            .statusCode(200);
                    acknowledged.add(id + "|CLIENT_UPDATED|1");
                }
                return null;
            }));
        }
        Future<List<String>> reader = pool.submit(() -> {
            List<String> seen = new ArrayList<>();
            cursors.clear();
            String cursor = null;
            int emptyAfterWriters = 0;
            while (emptyAfterWriters < 2) {
                var request = as(integration).queryParam("limit", 7);
                if (cursor != null) {
                    request.queryParam("after", cursor);
                }
                JsonPath page =
                        request.get(CHANGES).then().statusCode(200).extract().jsonPath();
                List<Map<String, Object>> items = page.getList("items");
                for (Map<String, Object> item : items) {
                    seen.add(item.get("entityId") + "|" + item.get("type") + "|" + item.get("version"));
                    cursors.add(item.get("cursor") + " (page after " + cursor + ")");
                }
                cursor = page.getString("next");
                if (items.isEmpty() && !writing.get()) {
                    emptyAfterWriters++;
                }
            }
            return seen;
        });
        for (Future<?> write : writes) {
            write.get();
        }
        writing.set(false);
        List<String> seen = reader.get();
        pool.shutdown();

        assertEquals(writers * writesEach * 2, acknowledged.size());
        List<String> repeated = seen.stream()
                .filter(c -> Collections.frequency(seen, c) > 1)
                .distinct()
                .toList();
        assertEquals(List.of(), repeated, "no change is delivered twice; cursors: " + cursors);
        assertEquals(new HashSet<>(acknowledged), new HashSet<>(seen), "every acknowledged change is delivered");
    }

    @Test
    void rolesCursorsAndOtherOrganizations() {
        String client = Mother.createClient(TestTokens.ALICE);
        anonymous().get(CHANGES).then().statusCode(401);
        as(TestTokens.ALICE).get(CHANGES).then().statusCode(403);
        as(TestTokens.DANA).get(CHANGES).then().statusCode(403);
        as(TestTokens.BOB).queryParam("limit", 1000).get(CHANGES).then().statusCode(200);
        as(TestTokens.INTEGRATION)
                .queryParam("after", "garbage!")
                .get(CHANGES)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("after"));
        as(TestTokens.INTEGRATION).queryParam("limit", 1001).get(CHANGES).then().statusCode(400);
        String carolIntegration = TestTokens.token("svc2", "integration", "other-clinic");
        List<String> everything = new ArrayList<>();
        String cursor = null;
        while (true) {
            var request = as(carolIntegration).queryParam("limit", 1000);
            if (cursor != null) {
                request.queryParam("after", cursor);
            }
            JsonPath page =
                    request.get(CHANGES).then().statusCode(200).extract().jsonPath();
            if (page.getList("items").isEmpty()) {
                break;
            }
            everything.addAll(page.getList("items.entityId"));
            cursor = page.getString("next");
        }
        assertTrue(!everything.contains(client), "another organization's feed never shows demo's client");
        as(TestTokens.INTEGRATION).queryParam("limit", 1000).get(CHANGES).then().statusCode(200);
    }

    private static void insertChange(Connection connection, String org, UUID entity) throws Exception {
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into change_feed (organization_id, type, entity_type, entity_id, version) values (?, 'CLIENT_UPDATED', 'CLIENT', ?, 1)")) {
            insert.setString(1, org);
            insert.setObject(2, entity);
            insert.executeUpdate();
        }
    }

    private static String freshOrganization() {
        String org = "feed-" + UUID.randomUUID().toString().substring(0, 8);
        Organizations.ensure(org, "Feed Clinic", "America/New_York");
        return org;
    }
}
