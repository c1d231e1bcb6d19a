package org.asylumcasetracker.integration.webhook;

import static org.asylumcasetracker.integration.webhook.Webhooks.deliveries;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.HashSet;
import java.util.Set;
import org.asylumcasetracker.support.AllOrganizations;
import org.asylumcasetracker.support.Mother;
import org.asylumcasetracker.support.Organizations;
import org.asylumcasetracker.support.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * The scheduled dispatch as the scheduler calls it: the trigger hands the rounds to the job's own thread and returns
 * while receivers are still being waited on, and one trigger goes on round after round until the backlog is gone.
 */
@QuarkusTest
class WebhookScheduleTest {

    private static final String CLINIC = "schedule-clinic";
    private static final int CHANGES = 12; // more than two batches of the test profile's 5

    @Inject
    WebhookSchedule schedule;

    @Inject
    EntityManager em;

    /**
     * Earlier tests may leave deliveries pending to receivers that are gone, which the rounds would claim too: they
     * are cancelled first, so that this test's deliveries are the backlog.
     */
    @Test
    void oneTriggerReturnsAtOnceAndItsRoundsDeliverTheWholeBacklogOnTheJobsThread() throws Exception {
        Organizations.ensure(CLINIC, "Schedule Clinic", "America/Chicago");
        String supervisor = TestTokens.token("sofia", "supervisor", CLINIC);
        String caseworker = TestTokens.token("samir", "caseworker", CLINIC);
        AllOrganizations.cancelPendingDeliveries(em);
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            String subscription = Webhooks.subscribe(supervisor, receiver.url(), "CLIENT_CHANGED");
            try {
                for (int i = 0; i < CHANGES; i++) {
                    Mother.createClient(caseworker);
                }
                JsonPath pending = deliveries(supervisor, subscription);
                assertThat(pending.getInt("total"), is(CHANGES));

                // The receiver answers nothing until the trigger has returned. Were the rounds run on the caller's
                // thread, the trigger would return only after the sends timed out, and each delivery would need a
                // second attempt.
                receiver.holdRequests();
                schedule.dispatch();
                receiver.release();

                await("every delivery arrived after one trigger")
                        .atMost(Webhooks.PATIENCE)
                        .pollInterval(Webhooks.POLL)
                        .until(() -> deliveries(supervisor, subscription).getList("items.status").stream()
                                .allMatch("DELIVERED"::equals));
                JsonPath log = deliveries(supervisor, subscription);
                assertThat(log.getList("items.attempts", Integer.class), everyItem(is(1)));
                Set<String> arrived = new HashSet<>();
                receiver.received().forEach(request -> arrived.add(request.id()));
                assertThat("each delivery once", receiver.received(), hasSize(CHANGES));
                assertThat(arrived, is(new HashSet<>(pending.getList("items.id", String.class))));
            } finally {
                Webhooks.unsubscribe(supervisor, subscription);
            }
        }
    }
}
