package org.asylumcasetracker.integration.webhook;

import static org.asylumcasetracker.integration.webhook.Webhooks.SECRET;
import static org.asylumcasetracker.integration.webhook.Webhooks.dispatchUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.asylumcasetracker.support.AllOrganizations;
import org.asylumcasetracker.support.Dates;
import org.asylumcasetracker.support.Mother;
import org.asylumcasetracker.support.Organizations;
import org.asylumcasetracker.support.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The daily ALERT_DUE job, run for chosen moments rather than by the clock. Each test files its applications
 * a different number of days ago, so that the days its runs claim are its own.
 */
@QuarkusTest
class AlertDueJobTest {

    private static final String RECEIPT_OVERDUE = "RECEIPT_OVERDUE";

    @Inject
    AlertDueJob job;

    @Inject
    WebhookDispatcher dispatcher;

    @Inject
    EntityManager em;

    private final AtomicInteger counter = new AtomicInteger();
    private WebhookReceiver receiver;
    private final List<String[]> subscriptions = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        Organizations.ensureDemoTenants();
        receiver = WebhookReceiver.start();
    }

    @AfterEach
    void tearDown() {
        subscriptions.forEach(s -> Webhooks.unsubscribe(s[0], s[1]));
        receiver.close();
    }

    @Test
    void runsOnceADayEvenWhenTriggeredAtTheSameTimeOnSeveralInstances() throws Exception {
        subscribe(TestTokens.BOB, "ALERT_DUE");
        String client = Mother.createClient(TestTokens.ALICE);
        String filing = Mother.createFiling(TestTokens.ALICE, Mother.uscisFiling(client, "MAIL", 11));
        LocalDate due = dueOn(filing, RECEIPT_OVERDUE);
        Instant noon = at(due, LocalTime.NOON);

        List<AlertDueJob.Run> runs = inParallel(3, () -> job.run(noon));
        runs.add(job.run(noon.plusSeconds(3600)));

        assertEquals(1, runs.stream().filter(AlertDueJob.Run::claimed).count(), runs.toString());
        assertTrue(runs.stream().allMatch(run -> run.day().equals(due)), runs.toString());
        assertEquals(1, alertDueDeliveriesAbout(filing, RECEIPT_OVERDUE));

        dispatchUntil(dispatcher, () -> receivedAbout(filing, RECEIPT_OVERDUE).size() == 1, "the ALERT_DUE delivery");
        WebhookReceiver.Received received =
                receivedAbout(filing, RECEIPT_OVERDUE).get(0);
        Signatures.assertVerifies(received, SECRET);
        JsonPath json = received.json();
        assertEquals("ALERT_DUE", json.getString("type"));
        assertEquals("ALERT_DUE", received.event());
        assertEquals("demo", json.getString("organizationId"));
        assertEquals(client, json.getString("data.clientId"));
        assertEquals(RECEIPT_OVERDUE, json.getString("data.code"));
        assertEquals("HIGH", json.getString("data.severity"));
        assertEquals(due.toString(), json.getString("data.dueOn"));
    }

    @Test
    void todayIsEachOrganizationsOwnDate() {
        subscribe(TestTokens.BOB, "ALERT_DUE");
        subscribe(TestTokens.CAROL_SUPERVISOR, "ALERT_DUE");
        String demoFiling = Mother.createFiling(
                TestTokens.ALICE, Mother.uscisFiling(Mother.createClient(TestTokens.ALICE), "MAIL", 23));
        String otherFiling = Mother.createFiling(
                TestTokens.CAROL, Mother.uscisFiling(Mother.createClient(TestTokens.CAROL), "MAIL", 23));
        LocalDate due = dueOn(demoFiling, RECEIPT_OVERDUE);
        assertEquals(due, dueOn(otherFiling, RECEIPT_OVERDUE));

        // 01:30 in New York on the due day is 22:30 of the day before in Los Angeles (other-clinic)
        assertTrue(job.run(at(due, LocalTime.of(1, 30))).claimed());
        assertEquals(1, alertDueDeliveriesAbout(demoFiling, RECEIPT_OVERDUE));
        assertEquals(0, alertDueDeliveriesAbout(otherFiling, RECEIPT_OVERDUE), "not yet due where other-clinic is");

        assertTrue(job.run(at(due.plusDays(1), LocalTime.of(1, 30))).claimed());
        assertEquals(1, alertDueDeliveriesAbout(otherFiling, RECEIPT_OVERDUE), "due now in Los Angeles");
        assertEquals(1, alertDueDeliveriesAbout(demoFiling, RECEIPT_OVERDUE), "and demo's alert is not sent again");

        dispatchUntil(
                dispatcher,
                () -> receivedAbout(otherFiling, RECEIPT_OVERDUE).size() == 1
                        && receivedAbout(demoFiling, RECEIPT_OVERDUE).size() == 1,
                "both organizations' deliveries");
        assertEquals(
                "other-clinic",
                receivedAbout(otherFiling, RECEIPT_OVERDUE).get(0).json().getString("organizationId"));
        assertEquals(
                "demo", receivedAbout(demoFiling, RECEIPT_OVERDUE).get(0).json().getString("organizationId"));
    }

    @Test
    void aRunAfterDaysWithoutOneCatchesUpOnTheMissedDays() {
        subscribe(TestTokens.BOB, "ALERT_DUE");
        String filing = Mother.createFiling(
                TestTokens.ALICE, Mother.uscisFiling(Mother.createClient(TestTokens.ALICE), "MAIL", 35));
        LocalDate due = dueOn(filing, RECEIPT_OVERDUE);

        assertTrue(job.run(at(due.minusDays(3), LocalTime.NOON)).claimed());
        assertEquals(0, alertDueDeliveriesAbout(filing, RECEIPT_OVERDUE), "not due yet");
        // the service was down on the due day and the day after
        assertTrue(job.run(at(due.plusDays(2), LocalTime.NOON)).claimed());
        assertEquals(1, alertDueDeliveriesAbout(filing, RECEIPT_OVERDUE), "the missed due day is covered");
        assertTrue(job.run(at(due.plusDays(3), LocalTime.NOON)).claimed());
        assertEquals(1, alertDueDeliveriesAbout(filing, RECEIPT_OVERDUE), "and only once");
    }

    @Test
    void anAlertRecordedAfterItsDueDayGoesOutOnceWithTheNextRun() throws Exception {
        // days far from the other tests' runs, which claim days around their filings' due days
        LocalDate firstRun = Dates.today().plusDays(200);
        assertTrue(job.run(at(firstRun, LocalTime.NOON)).claimed());
        // Subscribed only now: that run announced every alert of the suite's earlier filings due by then, and
        // sending all of those to this receiver first would be a test of the dispatcher's throughput.
        subscribe(TestTokens.BOB, "ALERT_DUE");

        // entered after that run: an application mailed 100 days ago, its receipt overdue for about a week
        String filing = Mother.createFiling(
                TestTokens.ALICE, Mother.uscisFiling(Mother.createClient(TestTokens.ALICE), "MAIL", 100));
        LocalDate due = dueOn(filing, RECEIPT_OVERDUE);
        assertTrue(due.isBefore(firstRun));

        assertEquals(0, alertDueDeliveriesAbout(filing, RECEIPT_OVERDUE), "the earlier run could not know of it");
        assertTrue(job.run(at(firstRun.plusDays(1), LocalTime.NOON)).claimed());
        assertEquals(1, alertDueDeliveriesAbout(filing, RECEIPT_OVERDUE), "the next run announces it");
        // a restart, or two instances whose clocks disagree about the day, announce nothing again
        List<AlertDueJob.Run> later =
                inParallel(2, () -> job.run(at(firstRun.plusDays(2 + counter.getAndIncrement()), LocalTime.NOON)));
        assertTrue(later.stream().allMatch(AlertDueJob.Run::claimed), later.toString());
        assertEquals(1, alertDueDeliveriesAbout(filing, RECEIPT_OVERDUE), "and only once");

        dispatchUntil(
                dispatcher, () -> receivedAbout(filing, RECEIPT_OVERDUE).size() == 1, "the late ALERT_DUE delivery");
        assertEquals(
                due.toString(),
                receivedAbout(filing, RECEIPT_OVERDUE).get(0).json().getString("data.dueOn"));
    }

    @Test
    void organizationsWithoutAlertDueSubscribersGetNoDeliveries() {
        String subscription = subscribe(TestTokens.BOB, "CLIENT_CHANGED");
        String filing = Mother.createFiling(
                TestTokens.ALICE, Mother.uscisFiling(Mother.createClient(TestTokens.ALICE), "MAIL", 47));
        LocalDate due = dueOn(filing, RECEIPT_OVERDUE);

        assertTrue(job.run(at(due, LocalTime.NOON)).claimed());

        assertEquals(0, alertDueDeliveriesAbout(filing, RECEIPT_OVERDUE));
        assertFalse(Webhooks.deliveries(TestTokens.BOB, subscription)
                .getList("items.eventType")
                .contains("ALERT_DUE"));
    }

    private String subscribe(String token, String... events) {
        String id = Webhooks.subscribe(token, receiver.url(), events);
        subscriptions.add(new String[] {token, id});
        return id;
    }

    private static Instant at(LocalDate day, LocalTime time) {
        return day.atTime(time).atZone(Dates.DEMO_ZONE).toInstant();
    }

    private LocalDate dueOn(String filingId, String code) {
        return AllOrganizations.call(() -> {
            Object due = em.createNativeQuery(
                            "select due_on from alert_window where filing_id = :filing and code = :code")
                    .setParameter("filing", UUID.fromString(filingId))
                    .setParameter("code", code)
                    .getSingleResult();
            return due instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) due;
        });
    }

    private long alertDueDeliveriesAbout(String filingId, String code) {
        return AllOrganizations.call(
                () -> ((Number) em.createNativeQuery("select count(*) from webhook_delivery where event_type ="
                                        + " 'ALERT_DUE' and payload like :filing and payload like :code")
                                .setParameter("filing", "%\"filingId\":\"" + filingId + "\"%")
                                .setParameter("code", "%\"code\":\"" + code + "\"%")
                                .getSingleResult())
                        .longValue());
    }

    private List<WebhookReceiver.Received> receivedAbout(String filingId, String code) {
        return receivedAbout(filingId).stream()
                .filter(r -> code.equals(r.json().getString("data.code")))
                .toList();
    }

    private List<WebhookReceiver.Received> receivedAbout(String filingId) {
        return receiver.received().stream()
                .filter(r -> filingId.equals(r.json().getString("data.filingId")))
                .toList();
    }

    private static <T> List<T> inParallel(int threads, java.util.concurrent.Callable<T> task) throws Exception {
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
