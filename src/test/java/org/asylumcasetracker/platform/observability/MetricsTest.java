package org.asylumcasetracker.platform.observability;

import static org.asylumcasetracker.support.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.asylumcasetracker.integration.webhook.AlertDueJob;
import org.asylumcasetracker.integration.webhook.WebhookDispatcher;
import org.asylumcasetracker.support.AllOrganizations;
import org.asylumcasetracker.support.Mother;
import org.asylumcasetracker.support.Organizations;
import org.asylumcasetracker.support.TestTokens;
import org.junit.jupiter.api.Test;

/** The application's meters move under load; read through the MeterRegistry, as any exporter would. */
@QuarkusTest
class MetricsTest {

    private static final String METRICS_CLINIC = "metrics-clinic";

    @Inject
    MeterRegistry registry;

    @Inject
    EntityManager em;

    @Inject
    WebhookDispatcher dispatcher;

    @Inject
    AlertDueJob alertDueJob;

    /**
     * The delivery meters count every organization's deliveries, and earlier tests may have left deliveries
     * pending to receivers that are gone. This test's clinic is its own, and it cancels those leftovers first, so
     * that each count it reads is its own delivery's.
     */
    @Test
    void deliveriesByOutcomeAndTheOldestPendingDeliveryAge() throws Exception {
        Organizations.ensure(METRICS_CLINIC, "Metrics Clinic", "America/Denver");
        String supervisor = TestTokens.token("maria", "supervisor", METRICS_CLINIC);
        String caseworker = TestTokens.token("mateo", "caseworker", METRICS_CLINIC);
        AllOrganizations.cancelPendingDeliveries(em);
        double delivered = count("asylum.webhook.deliveries", "outcome", "delivered");
        double retried = count("asylum.webhook.deliveries", "outcome", "retry");
        AtomicInteger calls = new AtomicInteger();
        com.sun.net.httpserver.HttpServer receiver = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hooks", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(calls.incrementAndGet() == 1 ? 500 : 204, -1);
            exchange.close();
        });
        receiver.start();
        String subscription = as(supervisor)
                .body(Map.of(
                        "url",
                        "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks",
                        "events",
                        List.of("CLIENT_CHANGED")))
                .post("/api/v1/webhooks")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        try {
            Mother.createClient(caseworker);
            Thread.sleep(1100);
            double age = registry.get("asylum.webhook.oldest.pending").gauge().value();
            assertTrue(age >= 1.0, "a delivery has waited for over a second: " + age);

            long deadline = System.nanoTime() + 30_000_000_000L;
            while (count("asylum.webhook.deliveries", "outcome", "delivered") < delivered + 1
                    && System.nanoTime() < deadline) {
                dispatcher.dispatchDue();
                Thread.sleep(100);
            }
            assertEquals(delivered + 1, count("asylum.webhook.deliveries", "outcome", "delivered"));
            assertEquals(
                    retried + 1, count("asylum.webhook.deliveries", "outcome", "retry"), "the first attempt got a 500");
            assertEquals(
                    0.0, registry.get("asylum.webhook.oldest.pending").gauge().value(), 0.0, "nothing left pending");
        } finally {
            as(supervisor).delete("/api/v1/webhooks/" + subscription);
            receiver.stop(0);
        }
    }

    @Test
    void idempotentReplaysAndDailyJobRunsAreCounted() {
        Organizations.ensureDemoTenants();
        double replays = counter("asylum.idempotent.replays");
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Mother.client();
        for (int i = 0; i < 3; i++) {
            as(TestTokens.ALICE)
                    .header("Idempotency-Key", key)
                    .body(body)
                    .post("/api/v1/clients")
                    .then()
                    .statusCode(201);
        }
        assertEquals(replays + 2, counter("asylum.idempotent.replays"), "the second and third POST were replays");

        double claimed = count("asylum.jobs.runs", "job", "ALERT_DUE", "claimed", "true");
        double skipped = count("asylum.jobs.runs", "job", "ALERT_DUE", "claimed", "false");
        Instant day = Instant.parse("2032-03-04T11:00:00Z");
        alertDueJob.run(day);
        alertDueJob.run(day.plusSeconds(60));
        assertEquals(claimed + 1, count("asylum.jobs.runs", "job", "ALERT_DUE", "claimed", "true"));
        assertEquals(skipped + 1, count("asylum.jobs.runs", "job", "ALERT_DUE", "claimed", "false"));
    }

    @Test
    void theGrafanaDashboardShowsMetersThatExist() throws Exception {
        String dashboard =
                java.nio.file.Files.readString(java.nio.file.Path.of("docker", "grafana", "asylum-case-tracker.json"));
        java.util.Set<String> names = new java.util.TreeSet<>();
        java.util.regex.Matcher found =
                java.util.regex.Pattern.compile("asylum_[a-z_]+").matcher(dashboard);
        while (found.find()) {
            names.add(found.group());
        }
        assertTrue(names.size() >= 6, names.toString());
        // the rate limiter registers its meters when the first API request makes it
        Organizations.ensureDemoTenants();
        as(TestTokens.ALICE).get("/api/v1/clients").then().statusCode(200);
        for (String prometheus : names) {
            String meter = prometheus
                    .replaceAll("_(total|seconds(_sum|_count|_max)?)$", "")
                    .replace('_', '.');
            assertTrue(
                    !registry.find(meter).meters().isEmpty()
                            || meter.equals("asylum.feed.purged.entries")
                            || meter.equals("asylum.jobs.runs")
                            || meter.equals("asylum.idempotent.replays"),
                    prometheus + " is a meter of the application");
        }
    }

    private double counter(String name) {
        Counter counter = registry.find(name).counter();
        return counter == null ? 0 : counter.count();
    }

    private double count(String name, String... tags) {
        Counter counter = registry.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }
}
