package org.asylumcasetracker.integration.webhook;

import static org.asylumcasetracker.support.Api.as;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** Shortcuts of the webhook tests: subscribing, reading the log, and running the dispatcher until done. */
final class Webhooks {

    static final String PATH = "/api/v1/webhooks";
    /** A client-chosen Standard Webhooks secret: whsec_ and the base64 of a 35-byte key. */
    static final String SECRET = "whsec_c2hhcmVkLXdpdGgtdGhlLWNsaW5pYy1jcm0tMDEyMzQ1Njc=";

    static final Duration PATIENCE = Duration.ofSeconds(30);
    static final Duration POLL = Duration.ofMillis(50);

    private Webhooks() {}

    static Map<String, Object> body(String url, String... events) {
        return Map.of("url", url, "secret", SECRET, "events", Arrays.asList(events));
    }

    static String subscribe(String token, String url, String... events) {
        return as(token)
                .body(body(url, events))
                .post(PATH)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** Deletes the subscription if it is still there, so later tests' dispatch rounds leave it alone. */
    static void unsubscribe(String token, String id) {
        if (id != null) {
            as(token).delete(PATH + "/" + id);
        }
    }

    static JsonPath deliveries(String token, String subscriptionId) {
        return as(token)
                .queryParam("size", 200)
                .get(PATH + "/" + subscriptionId + "/deliveries")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** Runs dispatch rounds, as the scheduler would, until {@code done} holds; fails after a while. */
    static void dispatchUntil(WebhookDispatcher dispatcher, BooleanSupplier done, String what) {
        await(what).atMost(PATIENCE).pollDelay(Duration.ZERO).pollInterval(POLL).until(() -> {
            dispatcher.dispatchDue();
            return done.getAsBoolean();
        });
    }
}
