package org.asylumcasetracker.platform;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.asylumcasetracker.platform.problem.DatabaseFailures;
import org.jboss.logging.Logger;

/**
 * The thread of one background job. The scheduler would run a job on one of the request threads, and a job that
 * works for minutes (a recomputation of a large clinic) or waits on the network (webhook receivers that never
 * answer) would hold it all that time: with a few such jobs at once, a small instance has fewer threads left for
 * every clinic's requests. A scheduled method hands its work to its job's thread instead, and returns at once.
 *
 * <p>One run at a time: a start while a run is under way is skipped, as the scheduler skips a trigger whose last
 * run has not ended. A run has a request context of its own, as a scheduled method has.
 */
public final class JobThread {

    private static final Logger LOG = Logger.getLogger(JobThread.class);

    private final String name;
    private final ThreadPoolExecutor executor;

    public JobThread(String name) {
        this.name = name;
        // one thread, no queue: a start while the thread works is refused, not queued
        this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new SynchronousQueue<>(), work -> {
            Thread thread = new Thread(work, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts {@code work} on this job's thread; false if a run is under way or the job was stopped. */
    public boolean start(Runnable work) {
        try {
            executor.execute(() -> run(work));
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    private void run(Runnable work) {
        ManagedContext requestContext = Arc.container().requestContext();
        requestContext.activate();
        try {
            work.run();
        } catch (RuntimeException e) {
            // the next trigger starts the job again; only the exception's classes: messages can quote data
            LOG.errorf(
                    "The background job %s failed (%s); it runs again at its next trigger",
                    name, DatabaseFailures.describe(e));
        } finally {
            requestContext.terminate();
        }
    }

    /** Starts nothing more and waits up to {@code wait} for the run under way; true if it ended in time. */
    public boolean stop(Duration wait) {
        executor.shutdown();
        try {
            return executor.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
