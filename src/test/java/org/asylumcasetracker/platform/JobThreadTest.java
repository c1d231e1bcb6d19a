package org.asylumcasetracker.platform;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A background job's thread: its own, one run at a time, surviving a failed run, closed when stopped. */
@QuarkusTest
class JobThreadTest {

    @Test
    void aRunGoesToTheJobsOwnThreadWithARequestContextOfItsOwn() throws Exception {
        JobThread job = new JobThread("test-job");
        CompletableFuture<String> threadName = new CompletableFuture<>();
        CompletableFuture<Boolean> requestContext = new CompletableFuture<>();

        assertThat(
                job.start(() -> {
                    requestContext.complete(Arc.container().requestContext().isActive());
                    threadName.complete(Thread.currentThread().getName());
                }),
                is(true));

        assertThat(threadName.get(10, TimeUnit.SECONDS), is("test-job"));
        assertThat("a request context, as a scheduled method has", requestContext.get(10, TimeUnit.SECONDS), is(true));
        assertThat(job.stop(Duration.ofSeconds(10)), is(true));
    }

    @Test
    void aStartWhileARunIsUnderWayIsSkippedAndAFailedRunLeavesTheThreadWorking() throws Exception {
        JobThread job = new JobThread("test-job");
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch failing = new CountDownLatch(1);
        assertThat(
                job.start(() -> {
                    awaitQuietly(release);
                    failing.countDown();
                    throw new IllegalStateException("a run that fails");
                }),
                is(true));

        CompletableFuture<Boolean> second = new CompletableFuture<>();
        assertThat("skipped while the first run is under way", job.start(() -> second.complete(true)), is(false));
        release.countDown();
        assertThat(failing.await(10, TimeUnit.SECONDS), is(true));

        CompletableFuture<Boolean> afterTheFailure = new CompletableFuture<>();
        // the thread is free once the failed run has been logged; a start just before that is skipped
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!job.start(() -> afterTheFailure.complete(true)) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat("the next run after a failed one", afterTheFailure.get(10, TimeUnit.SECONDS), is(true));
        assertThat("the skipped start never ran", second.isDone(), is(false));
    }

    @Test
    void aStoppedJobStartsNothing() throws Exception {
        JobThread job = new JobThread("test-job");
        assertThat(job.stop(Duration.ofSeconds(1)), is(true));

        CompletableFuture<Boolean> ran = new CompletableFuture<>();
        assertThat(job.start(() -> ran.complete(true)), is(false));
        Thread.sleep(100);
        assertThat(ran.isDone(), is(false));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
