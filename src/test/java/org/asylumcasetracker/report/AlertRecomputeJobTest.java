package org.asylumcasetracker.report;

import static org.asylumcasetracker.support.Api.as;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.asylumcasetracker.organization.AlertRecomputations;
import org.asylumcasetracker.platform.BulkWork;
import org.asylumcasetracker.platform.JobThread;
import org.asylumcasetracker.platform.persistence.OrganizationScope;
import org.asylumcasetracker.support.Mother;
import org.asylumcasetracker.support.Organizations;
import org.asylumcasetracker.support.TestTokens;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The background recomputation after a settings change, when instances stop or hang: a stopping instance gives its
 * work back for the next job to finish, a long recomputation that keeps working is never taken over, and one that
 * fell silent is, without its first job marking it done.
 */
@QuarkusTest
class AlertRecomputeJobTest {

    private static final String ORG = "recompute-clinic";
    private static final String SUPERVISOR = TestTokens.token("rhea", "supervisor", ORG);
    private static final String CASEWORKER = TestTokens.token("ravi", "caseworker", ORG);
    private static final String SETTINGS = "/api/v1/organizations/" + ORG + "/settings";

    @Inject
    AlertRecomputeJob job;

    @Inject
    AlertRecomputations queue;

    @Inject
    EntityManager em;

    @Inject
    MeterRegistry registry;

    @Inject
    BulkWork bulkWork;

    private static String filing;

    @BeforeEach
    void aClinicWithAnApplicationWithoutReceipt() {
        if (filing == null) {
            Organizations.ensure(ORG, "Recompute Clinic", "America/New_York");
            String client = Mother.createClient(CASEWORKER);
            filing = Mother.createFiling(CASEWORKER, Mother.uscisFiling(client, "MAIL", 100));
        }
        job.runPending(); // what other classes' settings changes left waiting
        // a test that failed half way may have left this clinic's recomputation claimed
        across(() -> QuarkusTransaction.requiringNew()
                .call(() -> em.createNativeQuery("update alert_recomputation set status = 'DONE', claim = null"
                                + " where organization_id = ?1 and status = 'RUNNING'")
                        .setParameter(1, ORG)
                        .executeUpdate()));
        receiptOverdueAfterMonths(3);
        job.runPending();
    }

    @Test
    void aStoppingInstanceGivesTheRecomputationBackAndTheNextJobFinishesIt() {
        as(CASEWORKER).get(alerts()).then().statusCode(200).body("items.code", hasItem("RECEIPT_OVERDUE"));
        receiptOverdueAfterMonths(4);

        // the instance is told to stop once the job has done its first batch
        AtomicInteger asked = new AtomicInteger();
        int finished = job.runPending(() -> asked.incrementAndGet() > 2);

        assertThat("recomputations finished by the stopping job", finished, is(0));
        // asked before it claimed, before the first batch, and before the second, where it stopped
        assertThat("the job claimed the recomputation and did a batch before it stopped", asked.get(), greaterThan(2));
        recomputationIs("PENDING", nullValue());

        assertThat("the next job takes it at once, without waiting for a silence", job.runPending(), is(1));
        recomputationIs("DONE", notNullValue());
        as(CASEWORKER).get(alerts()).then().statusCode(200).body("items.code", not(hasItem("RECEIPT_OVERDUE")));
    }

    @Test
    void aRecomputationRestsAfterEachBatchToKeepToItsShareOfTheTime() {
        Timer rests = registry.get(AlertRecomputeJob.REST_METRIC).timer();
        long restsBefore = rests.count();
        double restedBefore = rests.totalTime(TimeUnit.NANOSECONDS);
        receiptOverdueAfterMonths(4);

        List<Integer> bulkWorkBeforeEachBatch = new ArrayList<>();
        assertThat(
                job.runPending(() -> {
                    bulkWorkBeforeEachBatch.add(bulkWork.running());
                    return false;
                }),
                is(1));
        // the clinic's one batch of filings and one of clients, each followed by a rest (the default share: 0.5)
        assertThat("rests", rests.count() - restsBefore, is(2L));
        // asked before the claim, then before each batch and each empty batch that ends a run of them
        assertThat(
                "the recomputation shares the instance's budget for bulk work while it runs, and only then",
                bulkWorkBeforeEachBatch,
                contains(0, 1, 1, 1, 1, 0));
        assertThat(bulkWork.running(), is(0));
        assertThat("time rested", rests.totalTime(TimeUnit.NANOSECONDS) - restedBefore, greaterThan(0.0));
        as(CASEWORKER).get(alerts()).then().statusCode(200).body("items.code", not(hasItem("RECEIPT_OVERDUE")));
    }

    @Test
    void theScheduleHandsTheRecomputationToTheJobsOwnThreadAndHoldsNoRequestThread() throws Exception {
        receiptOverdueAfterMonths(4);
        // another run of the job is under way, on a thread of its own, and waits before it claims anything
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Integer> running = new CompletableFuture<>();
        new JobThread("another-run")
                .start(() -> running.complete(job.runPending(() -> {
                    entered.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return false;
                })));
        assertThat("the other run has begun", entered.await(10, TimeUnit.SECONDS), is(true));

        try {
            // the scheduler's thread is one of the request threads: it must come back at once, not wait for the run
            assertTimeoutPreemptively(
                    Duration.ofSeconds(5), job::scheduled, "the scheduled trigger waited for the run under way");
        } finally {
            release.countDown();
        }
        assertThat("the run under way finishes the recomputation", running.get(30, TimeUnit.SECONDS), is(1));
        recomputationIs("DONE", notNullValue());
        as(CASEWORKER).get(alerts()).then().statusCode(200).body("items.code", not(hasItem("RECEIPT_OVERDUE")));
    }

    @Test
    void aLongRecomputationThatShowsItIsAliveIsNotTakenOverAndASilentOneIs() {
        receiptOverdueAfterMonths(4);
        AlertRecomputations.Claimed first =
                across(() -> queue.claimNext(AlertRecomputeJob.SILENT)).orElseThrow();
        assertThat(first.organizationId(), is(ORG));

        // half an hour at work, as an organization of 100,000 filings takes, and alive a moment ago
        backdate("started_at", 30);
        assertThat(
                "a recomputation whose job is alive is not taken, however long it runs",
                across(() -> queue.claimNext(AlertRecomputeJob.SILENT)),
                is(Optional.empty()));
        assertThat("the first job carries on", across(() -> queue.alive(first)), is(true));

        // then its instance falls silent for longer than the limit
        backdate("alive_at", AlertRecomputeJob.SILENT.toMinutes() + 1);
        AlertRecomputations.Claimed second =
                across(() -> queue.claimNext(AlertRecomputeJob.SILENT)).orElseThrow();
        assertThat(second.organizationId(), is(ORG));
        assertThat(second.claim(), not(first.claim()));

        assertThat(
                "the first job learns at its next batch that it lost the claim",
                across(() -> queue.alive(first)),
                is(false));
        across(() -> {
            queue.finish(first);
            return null;
        });
        recomputationIs("RUNNING", nullValue());

        across(() -> {
            queue.finish(second);
            return null;
        });
        recomputationIs("DONE", notNullValue());
    }

    /** What the settings answer says of the recomputation: its status, and whether it has finished. */
    private static void recomputationIs(String status, Matcher<Object> finishedAt) {
        as(SUPERVISOR)
                .get(SETTINGS)
                .then()
                .statusCode(200)
                .body("recomputation.status", equalTo(status))
                .body("recomputation.finishedAt", finishedAt);
    }

    private void receiptOverdueAfterMonths(int months) {
        Map<String, Object> settings = JsonPath.from(as(SUPERVISOR)
                        .get(SETTINGS)
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString())
                .getMap("");
        settings.remove("recomputation");
        settings.put("receiptOverdueMonths", months);
        as(SUPERVISOR).body(settings).put(SETTINGS).then().statusCode(200);
    }

    private void backdate(String column, long minutes) {
        int updated = across(() -> QuarkusTransaction.requiringNew()
                .call(() -> em.createNativeQuery("update alert_recomputation set " + column
                                + " = clock_timestamp() - make_interval(mins => ?1) where organization_id = ?2")
                        .setParameter(1, (int) minutes)
                        .setParameter(2, ORG)
                        .executeUpdate()));
        assertThat(updated, is(1));
    }

    private static String alerts() {
        return "/api/v1/filings/" + filing + "/alerts";
    }

    private static <T> T across(java.util.concurrent.Callable<T> work) {
        return OrganizationScope.acrossOrganizations(work);
    }
}
