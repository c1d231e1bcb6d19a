package org.asylumcasetracker.filing;

import static org.asylumcasetracker.support.Api.as;
import static org.asylumcasetracker.support.Dates.daysAgo;
import static org.asylumcasetracker.support.Mother.event;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.asylumcasetracker.support.Mother;
import org.asylumcasetracker.support.Organizations;
import org.asylumcasetracker.support.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Events sent at the same moment to one filing apply one at a time: none lost, none applied twice. */
@QuarkusTest
class EventConcurrencyTest {

    private static final int THREADS = 20;

    @BeforeEach
    void tenants() {
        Organizations.ensureDemoTenants();
    }

    @Test
    void twentyParallelReceiptsMoveTheStageOnce() throws Exception {
        String client = Mother.createClient(TestTokens.ALICE);
        String filing = Mother.createFiling(TestTokens.ALICE, Mother.uscisFiling(client, "MAIL", 40));
        List<Integer> statuses = inParallel(() -> as(TestTokens.ALICE)
                .body(event("RECEIPT_RECEIVED", daysAgo(1), "receiptNumber", Mother.RECEIPT_NUMBER))
                .post("/api/v1/filings/{id}/events", filing)
                .statusCode());

        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), "exactly one receipt applies: " + statuses);
        assertEquals(THREADS - 1, statuses.stream().filter(s -> s == 409).count(), "the rest conflict: " + statuses);
        JsonPath timeline = as(TestTokens.ALICE)
                .get("/api/v1/filings/{id}/events", filing)
                .then()
                .extract()
                .jsonPath();
        assertEquals(1, timeline.getInt("total"));
        assertEquals(
                "AWAITING_BIOMETRICS_NOTICE",
                as(TestTokens.ALICE)
                        .get("/api/v1/filings/" + filing)
                        .then()
                        .extract()
                        .path("stage"));
    }

    @Test
    void twentyParallelContactLogsAreAllKeptInOrder() throws Exception {
        String client = Mother.createClient(TestTokens.ALICE);
        String filing = Mother.createFiling(TestTokens.ALICE, Mother.uscisFiling(client, "MAIL", 40));
        List<Integer> statuses = inParallel(() -> as(TestTokens.ALICE)
                .body(event("CONTACT_LOGGED", daysAgo(1), "channel", "USCIS_CONTACT_CENTER"))
                .post("/api/v1/filings/{id}/events", filing)
                .statusCode());

        assertEquals(THREADS, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        JsonPath timeline = as(TestTokens.ALICE)
                .get("/api/v1/filings/{id}/events", filing)
                .then()
                .extract()
                .jsonPath();
        assertEquals(THREADS, timeline.getInt("total"));
        List<Integer> sequences = timeline.getList("items.sequence", Integer.class);
        for (int i = 0; i < THREADS; i++) {
            assertEquals(i + 1, sequences.get(i), "sequences are gapless and unique: " + sequences);
        }
        Map<String, Object> filingNow = as(TestTokens.ALICE)
                .get("/api/v1/filings/" + filing)
                .then()
                .extract()
                .as(Map.class);
        assertEquals(THREADS, ((Number) filingNow.get("version")).intValue(), "one version step per event");
    }

    private static List<Integer> inParallel(Callable<Integer> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return request.call();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : futures) {
                statuses.add(f.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }
}
