package org.asylumcasetracker.it;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.restassured.http.ContentType;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.InetSocketAddress;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.asylumcasetracker.platform.db.EmbeddedPostgresServer;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM while requests and webhook sends are under way: the requests that were answered 2xx are in the
 * database, nothing gets a 500, and every delivery the receiver got is recorded as delivered (none is left
 * half-sent, waiting to be sent again).
 */
class GracefulShutdownIT {

    @Test
    void inFlightWorkFinishesOnSigterm() throws Exception {
        EmbeddedPostgres postgres = EmbeddedPostgresServer.startThrowAway();
        KeycloakServer keycloak = KeycloakServer.shared();
        Set<String> received = ConcurrentHashMap.newKeySet();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            try {
                Thread.sleep(300); // a slow receiver keeps sends in flight when the signal comes
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            received.add(exchange.getRequestHeaders().getFirst("Webhook-Id"));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.setExecutor(Executors.newFixedThreadPool(8));
        receiver.start();
        PackagedApp app = PackagedApp.start(
                "shutdown",
                Map.of(
                        "QUARKUS_DATASOURCE_JDBC_URL",
                        EmbeddedPostgresServer.jdbcUrl(postgres),
                        "QUARKUS_DATASOURCE_USERNAME",
                        "postgres",
                        "QUARKUS_DATASOURCE_PASSWORD",
                        "postgres",
                        "QUARKUS_OIDC_AUTH_SERVER_URL",
                        keycloak.realmUrl()));
        try {
            given().baseUri(app.baseUrl())
                    .auth()
                    .oauth2(keycloak.passwordGrant("admin", "admin"))
                    .contentType(ContentType.JSON)
                    .body(Map.of("id", "demo", "name", "Demo", "timeZone", "America/New_York"))
                    .post("/api/v1/organizations")
                    .then()
                    .statusCode(201);
            String bob = keycloak.passwordGrant("bob", "bob");
            given().baseUri(app.baseUrl())
                    .auth()
                    .oauth2(bob)
                    .contentType(ContentType.JSON)
                    .body(Map.of(
                            "url",
                            "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook",
                            "events",
                            List.of("CLIENT_CHANGED")))
                    .post("/api/v1/webhooks")
                    .then()
                    .statusCode(201);

            List<String> acknowledged = Collections.synchronizedList(new ArrayList<>());
            List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
            AtomicBoolean running = new AtomicBoolean(true);
            ExecutorService load = Executors.newFixedThreadPool(6);
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < 6; w++) {
                workers.add(load.submit(() -> {
                    while (running.get()) {
                        try {
                            var response = given().baseUri(app.baseUrl())
                                    .auth()
                                    .oauth2(bob)
                                    .contentType(ContentType.JSON)
                                    .body(Map.of("firstName", "Term", "lastName", "Signal"))
                                    .post("/api/v1/clients");
                            statuses.add(response.statusCode());
                            if (response.statusCode() == 201) {
                                acknowledged.add(response.path("id"));
                            }
                        } catch (Exception refused) {
                            // once the server stops listening, connections are refused: that is expected
                            running.set(false);
                        }
                    }
                    return null;
                }));
            }
            Thread.sleep(4000);
            long signalled = System.nanoTime();
            app.terminate();
            running.set(false);
            for (Future<?> worker : workers) {
                worker.get();
            }
            load.shutdown();
            System.out.printf(
                    "Graceful shutdown: %d writes acknowledged, service stopped %d ms after SIGTERM%n",
                    acknowledged.size(), (System.nanoTime() - signalled) / 1_000_000);

            assertTrue(acknowledged.size() > 10, "the load ran: " + acknowledged.size());
            assertTrue(
                    statuses.stream().allMatch(s -> s == 201 || s == 503), "only 201 or 503: " + Set.copyOf(statuses));
            assertTrue(app.log().contains("stopped in"), "the service shut down cleanly");
            try (Connection connection = postgres.getPostgresDatabase().getConnection();
                    Statement statement = connection.createStatement()) {
                for (String id : acknowledged) {
                    try (ResultSet row =
                            statement.executeQuery("select count(*) from client where id = '" + id + "'")) {
                        row.next();
                        assertEquals(1, row.getInt(1), "acknowledged client " + id + " is stored");
                    }
                }
                for (String delivery : received) {
                    try (ResultSet row = statement.executeQuery(
                            "select status from webhook_delivery where id = '" + delivery + "'")) {
                        row.next();
                        assertEquals("DELIVERED", row.getString(1), "received delivery " + delivery + " is recorded");
                    }
                }
            }
            assertTrue(!received.isEmpty(), "some deliveries were sent before the signal");
        } finally {
            app.close();
            receiver.stop(0);
            postgres.close();
        }
    }
}
