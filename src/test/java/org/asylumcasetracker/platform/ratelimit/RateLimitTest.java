package org.asylumcasetracker.platform.ratelimit;

import static org.asylumcasetracker.support.Api.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.asylumcasetracker.platform.BulkWork;
import org.asylumcasetracker.support.Mother;
import org.asylumcasetracker.support.Organizations;
import org.asylumcasetracker.support.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The budgets per caller and per organization. Spending a budget over HTTP would take hundreds of requests
 * within a second on a shared machine, so each test keeps it spent through the limiter itself (in process,
 * on a thread of its own, as fast as the budget refills) and shows what the API answers meanwhile. The
 * export slots likewise: the test holds them through the limiter, as streaming exports would.
 */
@QuarkusTest
class RateLimitTest {

    private static final String CLIENTS = "/api/v1/clients";
    private static final String REPORT = "/api/v1/reports/overdue";

    @Inject
    RateLimiter limiter;

    @Inject
    MeterRegistry registry;

    @Inject
    RateLimitConfig config;

    @Inject
    BulkWork bulkWork;

    @Test
    void aCallerWhoseBudgetIsSpentGets429WithRetryAfterWhileOthersCarryOn() throws Exception {
        Organizations.ensureDemoTenants();
        String username = "busy-" + UUID.randomUUID();
        String token = TestTokens.token(username, "caseworker", Organizations.DEMO);
        as(token).get(CLIENTS).then().statusCode(200);
        double before = refused("token");

        Response refused =
                whileSpent(() -> subjectOf(username), null, () -> as(token).get(CLIENTS));
        refused.then()
                .contentType("application/problem+json")
                .body("status", equalTo(429))
                .body("type", equalTo("urn:asylum-case-tracker:problem:too-many-requests"))
                .body("detail", containsString("caller"));
        assertTrue(Long.parseLong(refused.header("Retry-After")) >= 1, refused.header("Retry-After"));
        assertTrue(refused("token") >= before + 1);
        as(TestTokens.ALICE).get(CLIENTS).then().statusCode(200);
    }

    @Test
    void aKnownTokenWhoseBudgetIsSpentIsRefusedBeforeDispatchWithTheOrdinaryAnswer() throws Exception {
        Organizations.ensureDemoTenants();
        String username = "flood-" + UUID.randomUUID();
        String token = TestTokens.token(username, "caseworker", Organizations.DEMO);
        as(token).get(CLIENTS).then().statusCode(200); // verified once: this instance knows the token from now on
        double early = refusedBeforeDispatch();

        // A token may come back between the early look at the budget and the filter's, and the spenders take it
        // first: that 429 is then the ordinary one. On a busy machine that happens now and then, so a few tries.
        Response refused = null;
        for (int tries = 0; tries < 5 && refusedBeforeDispatch() < early + 1; tries++) {
            refused =
                    whileSpent(() -> subjectOf(username), null, () -> as(token).get(CLIENTS));
            assertCallersBudgetSpent(refused);
        }
        assertTrue(refusedBeforeDispatch() >= early + 1, "no 429 came before dispatch in 5 tries");
        refused.then().header("Cache-Control", "no-store").header("X-Content-Type-Options", "nosniff");

        // a browser's request (Origin) goes the ordinary way, through the CORS handling, and is told the same
        double beforeBrowser = refusedBeforeDispatch();
        Response browser = whileSpent(
                () -> subjectOf(username),
                null,
                () -> as(token).header("Origin", "http://localhost:3000").get(CLIENTS));
        assertEquals(beforeBrowser, refusedBeforeDispatch(), "a browser's request was refused before dispatch");
        assertCallersBudgetSpent(browser);
        browser.then().header("Access-Control-Allow-Origin", "http://localhost:3000");
    }

    /** The 429 of a caller whose own budget is spent, whichever way it was answered. */
    private static void assertCallersBudgetSpent(Response refused) {
        refused.then()
                .contentType("application/problem+json")
                .body("status", equalTo(429))
                .body("type", equalTo("urn:asylum-case-tracker:problem:too-many-requests"))
                .body("title", equalTo("Too many requests"))
                .body(
                        "detail",
                        containsString("The request budget of this caller is spent for the moment; retry after"));
        assertTrue(Long.parseLong(refused.header("Retry-After")) >= 1, refused.header("Retry-After"));
    }

    @Test
    void anOrganizationWhoseBudgetIsSpentGets429AndOtherOrganizationsDoNot() throws Exception {
        Organizations.ensureDemoTenants();
        String org = "rl-" + UUID.randomUUID().toString().substring(0, 8);
        Organizations.ensure(org, "Busy Clinic", "America/New_York");
        String token = TestTokens.token("fresh-" + UUID.randomUUID(), "caseworker", org);
        double before = refused("organization");

        // 64 callers of the clinic together can take far more than the organization's 500 per second
        String[] callers = new String[64];
        for (int i = 0; i < callers.length; i++) {
            callers[i] = UUID.randomUUID().toString();
        }
        AtomicInteger turn = new AtomicInteger();
        Response refused = whileSpent(
                () -> callers[Math.floorMod(turn.getAndIncrement(), callers.length)],
                org,
                () -> as(token).get(CLIENTS));
        refused.then().contentType("application/problem+json").body("detail", containsString("organization"));
        assertTrue(Long.parseLong(refused.header("Retry-After")) >= 1);
        assertTrue(refused("organization") >= before + 1);
        as(TestTokens.CAROL).get(CLIENTS).then().statusCode(200);
    }

    @Test
    void anOrganizationsExportBeyondItsSlotsGets429WhileItsOtherWorkAndOtherClinicsCarryOn() {
        Organizations.ensureDemoTenants();
        String org = freshClinic();
        String supervisor = TestTokens.token("sv-" + UUID.randomUUID(), "supervisor", org);
        csvOf(supervisor).then().statusCode(200);
        double before = refused("export");

        List<RateLimiter.ExportSlot> running = new ArrayList<>();
        try {
            // two exports of the clinic are streaming (the default allows two at once)
            running.add(limiter.tryStartExport(org).orElseThrow());
            running.add(limiter.tryStartExport(org).orElseThrow());

            exportsBusy(csvOf(supervisor));
            assertTrue(refused("export") >= before + 1);
            as(supervisor).get(REPORT).then().statusCode(200);
            csvOf(TestTokens.BOB).then().statusCode(200);

            // a slot closed twice is given back once
            RateLimiter.ExportSlot ended = running.remove(0);
            ended.close();
            ended.close();
            csvOf(supervisor).then().statusCode(200);
            running.add(limiter.tryStartExport(org).orElseThrow());
            assertTrue(limiter.tryStartExport(org).isEmpty(), "a second close freed another export's slot");
        } finally {
            running.forEach(RateLimiter.ExportSlot::close);
        }
        csvOf(supervisor).then().statusCode(200);
    }

    @Test
    void clinicsExportingAtOnceShareTheInstancesSlotsSoThatRequestThreadsAreLeft() {
        int perInstance = config.exportsPerInstance();
        List<RateLimiter.ExportSlot> running = new ArrayList<>();
        try {
            // one clinic after another starts its exports, each within its own two slots, until the instance is full
            for (int clinic = 0; clinic < 2 * perInstance && running.size() < 4 * perInstance; clinic++) {
                String org = freshClinic();
                Optional<RateLimiter.ExportSlot> first = limiter.tryStartExport(org);
                if (first.isEmpty()) {
                    break;
                }
                running.add(first.get());
                limiter.tryStartExport(org).ifPresent(running::add);
            }
            assertTrue(
                    !running.isEmpty() && running.size() <= perInstance,
                    running.size() + " exports of several clinics ran at once; the instance allows " + perInstance);

            // a clinic that has not exported yet waits for a slot of the instance, and is told so
            String org = freshClinic();
            String supervisor = TestTokens.token("sv-" + UUID.randomUUID(), "supervisor", org);
            exportsBusy(csvOf(supervisor)).body("detail", containsString("the service's"));
            as(supervisor).get(REPORT).then().statusCode(200);

            running.remove(0).close();
            csvOf(supervisor).then().statusCode(200);
        } finally {
            running.forEach(RateLimiter.ExportSlot::close);
        }
    }

    @Test
    void anExportGivesItsSlotBackWhenItsClientGoesAwayBeforeReadingIt() throws Exception {
        String org = freshClinic();
        String supervisor = TestTokens.token("sv-" + UUID.randomUUID(), "supervisor", org);
        for (int i = 0; i < 3; i++) {
            try (Socket socket = new Socket("localhost", RestAssured.port)) {
                socket.getOutputStream()
                        .write(("GET " + REPORT + " HTTP/1.1\r\nHost: localhost\r\nAccept: text/csv\r\n"
                                        + "Authorization: Bearer " + supervisor + "\r\n\r\n")
                                .getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
            } // closed without reading a byte
        }
        await("both of the clinic's export slots free again")
                .atMost(Duration.ofSeconds(20))
                .until(() -> {
                    List<RateLimiter.ExportSlot> taken = new ArrayList<>();
                    limiter.tryStartExport(org).ifPresent(taken::add);
                    limiter.tryStartExport(org).ifPresent(taken::add);
                    taken.forEach(RateLimiter.ExportSlot::close);
                    return taken.size() == 2;
                });
        csvOf(supervisor).then().statusCode(200);
    }

    /** The 429 of an export that found the slots taken, and when to try again. */
    private static ValidatableResponse exportsBusy(Response refused) {
        assertEquals("2", refused.header("Retry-After"));
        return refused.then()
                .statusCode(429)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:asylum-case-tracker:problem:too-many-requests"))
                .body("detail", containsString("CSV exports"));
    }

    @Test
    void aStreamingExportRestsAfterEachStepOfRowsSoThatItKeepsToItsShareOfTheTime() {
        assertTrue(config.exportShare() < 1, "the test profile's exports must keep to a share for this test");
        String org = freshClinic();
        String caseworker = TestTokens.token("cw-" + UUID.randomUUID(), "caseworker", org);
        for (int i = 0; i <= ExportPace.ROWS_PER_STEP; i++) {
            Mother.overdueFiling(caseworker, "Client" + i);
        }
        Timer rests = registry.find(RateLimiter.EXPORT_REST_METRIC).timer();
        long before = rests.count();

        String csv = csvOf(TestTokens.token("sv-" + UUID.randomUUID(), "supervisor", org))
                .then()
                .statusCode(200)
                .extract()
                .asString();

        long rows = csv.lines().count() - 1; // after the header, one line per row: no value holds a line break
        assertEquals(ExportPace.ROWS_PER_STEP + 1, rows);
        assertEquals(
                before + rows / ExportPace.ROWS_PER_STEP,
                rests.count(),
                "the export rested once after each " + ExportPace.ROWS_PER_STEP + " rows");
    }

    /** However an export ended, its share of the budget for bulk work was given back (the answer may come first). */
    @AfterEach
    void noExportLeftRunning() {
        await("the exports' bulk work ended").atMost(Duration.ofSeconds(10)).until(() -> bulkWork.running() == 0);
    }

    @Test
    void anExportCountsAsBulkWorkFromItsStartToItsEnd() {
        String org = freshClinic();
        int before = bulkWork.running();
        RateLimiter.ExportSlot first = limiter.tryStartExport(org).orElseThrow();
        RateLimiter.ExportSlot second = limiter.tryStartExport(org).orElseThrow();
        assertEquals(before + 2, bulkWork.running(), "two exports share the instance's budget for bulk work");
        first.close();
        first.close();
        assertEquals(before + 1, bulkWork.running(), "an export closed twice ends once");
        second.close();
        assertEquals(before, bulkWork.running());
        try (RateLimiter.ExportSlot again = limiter.tryStartExport(org).orElseThrow();
                RateLimiter.ExportSlot andAgain = limiter.tryStartExport(org).orElseThrow()) {
            assertEquals(before + 2, bulkWork.running(), "the slots and the budget were given back");
        }
        assertEquals(before, bulkWork.running());
    }

    private static Response csvOf(String token) {
        return as(token).accept("text/csv").get(REPORT);
    }

    private static String freshClinic() {
        String org = "rl-" + UUID.randomUUID().toString().substring(0, 8);
        Organizations.ensure(org, "Exporting Clinic", "America/New_York");
        return org;
    }

    /**
     * Sends {@code request} (up to a hundred times) while two other threads take every request the budget has, and
     * returns the first 429. Refills arrive all the time, so a request may win one now and then, more often on a
     * busy machine, where the spenders get less time.
     */
    private Response whileSpent(Supplier<String> subject, String organization, Supplier<Response> request)
            throws Exception {
        AtomicBoolean spending = new AtomicBoolean(true);
        Runnable spend = () -> {
            while (spending.get()) {
                limiter.acquire(subject.get(), organization);
            }
        };
        CompletableFuture<Void> spender =
                CompletableFuture.allOf(CompletableFuture.runAsync(spend), CompletableFuture.runAsync(spend));
        try {
            Thread.sleep(200); // the burst is spent by now: 1,000 takes at most
            for (int i = 0; i < 100; i++) {
                Response response = request.get();
                if (response.statusCode() == 429) {
                    return response;
                }
                assertEquals(200, response.statusCode());
            }
            return fail("the budget was never spent");
        } finally {
            spending.set(false);
            spender.get();
        }
    }

    private double refusedBeforeDispatch() {
        var counter = registry.find(EarlyRefusals.METRIC).counter();
        return counter == null ? 0 : counter.count();
    }

    private double refused(String scope) {
        var counter = registry.find(RateLimiter.METRIC).tag("scope", scope).counter();
        return counter == null ? 0 : counter.count();
    }

    /** Test tokens carry a name-based UUID of the username as their subject. */
    private static String subjectOf(String username) {
        return UUID.nameUUIDFromBytes(username.getBytes()).toString();
    }
}
