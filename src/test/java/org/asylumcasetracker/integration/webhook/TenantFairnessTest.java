package org.asylumcasetracker.integration.webhook;

import static org.asylumcasetracker.support.Api.as;
import static org.asylumcasetracker.support.Dates.daysAgo;
import static org.asylumcasetracker.support.Mother.event;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.asylumcasetracker.report.AlertRecomputeJob;
import org.asylumcasetracker.support.Mother;
import org.asylumcasetracker.support.Organizations;
import org.asylumcasetracker.support.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * One clinic (A) does everything heavy at once while another (B) works as usual: A runs 4 CSV exports in
 * parallel without pause (two stream at a time, the others are told 429 to wait), changes its settings (which
 * recomputes the alert windows of all its filings in the background), and has 20 webhook subscriptions to a black hole (a loopback listener that accepts connections
 * and never answers). B's webhooks must keep arriving, and B's GET and event POST p99 must stay within four
 * times B's own baseline plus 200 ms. The aim is twice the baseline; on the shared two-core machine the test
 * runs on, the ratio swung between 1.6 and 3.5 from run to run (src/bench/README.md), so the bound asserted
 * here only catches starvation, not a regression of a few tens of percent.
 *
 * <p>Scaled to a test of about a minute on two shared cores: A has {@value #A_FILINGS} filings, not the
 * 100,000 of the benchmark, and its exports stay under the test profile's cap of 25 rows (the cap is what
 * bounds an export in production too); the background recomputation works in batches of 500 either way.
 */
@QuarkusTest
class TenantFairnessTest {

    private static final int A_FILINGS = 300;
    private static final int SAMPLES = 150;

    @Inject
    WebhookDispatcher dispatcher;

    @Inject
    AlertRecomputeJob recomputeJob;

    @Test
    void aBusyClinicDoesNotSlowAnotherDown() throws Exception {
        Organizations.ensureDemoTenants();
        String a = clinic();
        String b = clinic();
        String aCaseworker = TestTokens.token("cw", "caseworker", a);
        String aOtherCaseworker = TestTokens.token("cw2", "caseworker", a);
        String aSupervisor = TestTokens.token("sv", "supervisor", a);
        String bCaseworker = TestTokens.token("cw", "caseworker", b);
        String bSupervisor = TestTokens.token("sv", "supervisor", b);
        for (int i = 0; i < A_FILINGS; i++) {
            // the exports ask for one case worker's rows: the test profile caps an export at 25 rows
            String owner = i < 20 ? aCaseworker : aOtherCaseworker;
            Mother.createFiling(owner, Mother.uscisFiling(Mother.createClient(owner), "MAIL", 100 + i % 200));
        }
        String bFiling =
                Mother.createFiling(bCaseworker, Mother.uscisFiling(Mother.createClient(bCaseworker), "MAIL", 30));

        try (BlackHole blackHole = new BlackHole();
                WebhookReceiver bReceiver = WebhookReceiver.start()) {
            List<String> aSubscriptions = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                aSubscriptions.add(Webhooks.subscribe(aSupervisor, blackHole.url(), "CLIENT_CHANGED"));
            }
            String bSubscription = Webhooks.subscribe(bSupervisor, bReceiver.url(), "CLIENT_CHANGED");
            for (int i = 0; i < 5; i++) {
                Mother.createClient(aCaseworker); // 20 deliveries each into the black hole
            }

            double[] baseline = measure(bCaseworker, bFiling);

            AtomicBoolean running = new AtomicBoolean(true);
            ExecutorService load = Executors.newFixedThreadPool(6);
            List<Throwable> loadFailures = new CopyOnWriteArrayList<>();
            for (int i = 0; i < 4; i++) {
                // without pause: two of these at a time get an export slot, and on a quiet machine the loops
                // outrun A's rate limit too; both answer 429 as they should
                load.submit(guarded(
                        running,
                        loadFailures,
                        () -> as(aSupervisor)
                                .accept("text/csv")
                                .queryParam("caseworker", "cw")
                                .get("/api/v1/reports/overdue")
                                .then()
                                .statusCode(anyOf(equalTo(200), equalTo(429)))));
            }
            load.submit(() -> {
                try {
                    as(aSupervisor)
                            .body(settings(4))
                            .put("/api/v1/organizations/" + a + "/settings")
                            .then()
                            .statusCode(200);
                    recomputeJob.runPending();
                } catch (Throwable e) {
                    loadFailures.add(e);
                }
            });
            load.submit(guarded(running, loadFailures, dispatcher::dispatchDue));
            int bDeliveriesBefore = bReceiver.received().size();
            double[] loaded;
            try {
                Thread.sleep(1_000);
                for (int i = 0; i < 5; i++) {
                    Mother.createClient(bCaseworker);
                }
                loaded = measure(bCaseworker, bFiling);
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (bReceiver.received().size() < bDeliveriesBefore + 5 && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
            } finally {
                running.set(false);
                load.shutdown();
                load.awaitTermination(60, TimeUnit.SECONDS);
                aSubscriptions.forEach(id -> Webhooks.unsubscribe(aSupervisor, id));
                Webhooks.unsubscribe(bSupervisor, bSubscription);
            }

            System.out.printf(
                    "Clinic B p99 baseline: GET %.1f ms, event POST %.1f ms; while clinic A is busy:"
                            + " GET %.1f ms, event POST %.1f ms (A's black-hole connections: %d)%n",
                    baseline[0], baseline[1], loaded[0], loaded[1], blackHole.accepted());
            assertTrue(loadFailures.isEmpty(), "clinic A's load failed: " + loadFailures);
            assertTrue(blackHole.accepted() > 0, "the black hole was never tried");
            assertEquals(bDeliveriesBefore + 5, bReceiver.received().size(), "clinic B's webhooks stopped arriving");
            assertTrue(loaded[0] <= 4 * baseline[0] + 200, "GET p99 " + loaded[0] + " ms vs baseline " + baseline[0]);
            assertTrue(loaded[1] <= 4 * baseline[1] + 200, "POST p99 " + loaded[1] + " ms vs baseline " + baseline[1]);
        }
    }

    /** B's p99 in milliseconds: [GET /filings/{id}, POST /filings/{id}/events]. */
    private static double[] measure(String token, String filing) {
        List<Long> gets = new ArrayList<>();
        List<Long> posts = new ArrayList<>();
        Map<String, Object> contact = event("CONTACT_LOGGED", daysAgo(1), "channel", "USCIS_CONTACT_CENTER");
        for (int i = 0; i < SAMPLES; i++) {
            long start = System.nanoTime();
            as(token).get("/api/v1/filings/{id}", filing).then().statusCode(200);
            gets.add(System.nanoTime() - start);
            start = System.nanoTime();
            as(token)
                    .body(contact)
                    .post("/api/v1/filings/{id}/events", filing)
                    .then()
                    .statusCode(201);
            posts.add(System.nanoTime() - start);
        }
        return new double[] {p99(gets), p99(posts)};
    }

    private static double p99(List<Long> nanos) {
        List<Long> sorted = nanos.stream().sorted().toList();
        return sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1) / 1_000_000.0;
    }

    private static Runnable guarded(AtomicBoolean running, List<Throwable> failures, Runnable work) {
        return () -> {
            while (running.get()) {
                try {
                    work.run();
                } catch (Throwable e) {
                    failures.add(e);
                    return;
                }
            }
        };
    }

    private static Map<String, Object> settings(int receiptOverdueMonths) {
        return new HashMap<>(Map.of(
                "receiptOverdueMonths",
                receiptOverdueMonths,
                "biometricsNoticeOverdueMonths",
                2,
                "hearingWarningDays",
                60,
                "packageGraceDays",
                7,
                "appointmentReminderDays",
                7,
                "walkInWindowDays",
                21,
                "onlineRescheduleCutoffHours",
                12,
                "maxOnlineReschedules",
                2,
                "workPermitWaitDays",
                150,
                "courtBiometricsProcess",
                "MAIL_PACKAGE"));
    }

    private static String clinic() {
        String org = "fair-" + UUID.randomUUID().toString().substring(0, 8);
        Organizations.ensure(org, "Fairness Clinic", "America/New_York");
        return org;
    }

    /** Accepts connections on 127.0.0.1 and never reads or answers: a receiver that hangs every request. */
    private static final class BlackHole implements AutoCloseable {

        private final ServerSocket server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        private final List<Socket> held = new CopyOnWriteArrayList<>();
        private final Thread acceptor;

        BlackHole() throws IOException {
            acceptor = new Thread(
                    () -> {
                        while (!server.isClosed()) {
                            try {
                                held.add(server.accept());
                            } catch (IOException e) {
                                return;
                            }
                        }
                    },
                    "black-hole");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getLocalPort() + "/hooks";
        }

        int accepted() {
            return held.size();
        }

        @Override
        public void close() throws IOException {
            server.close();
            for (Socket socket : held) {
                socket.close();
            }
        }
    }
}
