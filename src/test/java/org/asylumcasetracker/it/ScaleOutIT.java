package org.asylumcasetracker.it;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.InetSocketAddress;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.asylumcasetracker.platform.db.EmbeddedPostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two instances of the packaged service, started at the same moment against one PostgreSQL, share a
 * mixed load of writes, events and report reads. Afterwards every acknowledged write is present exactly
 * once and the change feed holds each change once, in order. Then one instance is killed with SIGKILL in
 * the middle of the load and the other keeps serving without losing an acknowledged write.
 */
class ScaleOutIT {

    private static final Duration LOAD = Duration.ofSeconds(Long.getLong("scaleout.seconds", 30));
    private static final int WORKERS = 6;

    private static EmbeddedPostgres postgres;
    private static KeycloakServer keycloak;
    private static PackagedApp first;
    private static PackagedApp second;
    private static String caseworker;
    private static String integration;
    private static HttpServer receiver;
    private static final Map<String, Integer> received = new ConcurrentHashMap<>();

    @BeforeAll
    static void twoInstances() throws Exception {
        postgres = EmbeddedPostgresServer.startThrowAway();
        keycloak = KeycloakServer.shared();
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            received.merge(exchange.getRequestHeaders().getFirst("Webhook-Id"), 1, Integer::sum);
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.setExecutor(Executors.newFixedThreadPool(4));
        receiver.start();
        Map<String, String> env = Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL", EmbeddedPostgresServer.jdbcUrl(postgres),
                "QUARKUS_DATASOURCE_USERNAME", "postgres",
                "QUARKUS_DATASOURCE_PASSWORD", "postgres",
                "QUARKUS_OIDC_AUTH_SERVER_URL", keycloak.realmUrl(),
                // both instances try the daily job every two seconds; only one may run it per day
                "ASYLUM_WEBHOOKS_ALERT_DUE_CRON", "*/2 * * * * ?",
                // a failed attempt is logged with its reason at debug level
                "QUARKUS_LOG_CATEGORY__ORG_ASYLUMCASETRACKER_INTEGRATION_WEBHOOK__LEVEL", "DEBUG");
        // Both start at once: Flyway's lock lets one migrate while the other waits.
        ExecutorService starter = Executors.newFixedThreadPool(2);
        Future<PackagedApp> a = starter.submit(() -> PackagedApp.start("scale-a", env));
        Future<PackagedApp> b = starter.submit(() -> PackagedApp.start("scale-b", env));
        first = a.get();
        second = b.get();
        starter.shutdown();
        given().baseUri(first.baseUrl())
                .auth()
                .oauth2(keycloak.passwordGrant("admin", "admin"))
                .contentType(ContentType.JSON)
                .body(Map.of("id", "demo", "name", "Demo", "timeZone", "America/New_York"))
                .post("/api/v1/organizations")
                .then()
                .statusCode(201);
        caseworker = keycloak.passwordGrant("bob", "bob");
        integration = keycloak.clientCredentials("clinic-integration", "clinic-integration-secret");
        as(first, integration)
                .body(Map.of(
                        "url",
                        "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook",
                        "events",
                        List.of("FILING_STAGE_CHANGED", "CLIENT_CHANGED")))
                .post("/api/v1/webhooks")
                .then()
                .statusCode(201);
    }

    @AfterAll
    static void stop() throws Exception {
        if (receiver != null) {
            receiver.stop(0);
        }
        for (PackagedApp app : new PackagedApp[] {first, second}) {
            if (app != null) {
                app.close();
            }
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void loadOnTwoInstancesThenOneIsKilled() throws Exception {
        assertEquals(1, count("select count(*) from flyway_schema_history where version = '1'"), "migrated once");

        List<String> acknowledged = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger failures = new AtomicInteger();
        runLoad(List.of(first, second), LOAD, acknowledged, failures, null);
        assertEquals(0, failures.get(), "no request failed while both instances ran");
        assertTrue(acknowledged.size() >= 30, "acknowledged writes: " + acknowledged.size());
        verifyEveryWriteOnce(acknowledged);
        verifyFeed();
        verifyEachWebhookDeliveredOnce();
        assertEquals(
                1,
                count("select count(*) from scheduled_job_run where job = 'ALERT_DUE'"),
                "the daily job ran once across both instances");

        // Now kill the first instance in the middle of the load; the second one carries on.
        List<String> duringKill = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger failuresDuringKill = new AtomicInteger();
        runLoad(List.of(first, second), Duration.ofSeconds(10), duringKill, failuresDuringKill, () -> first.kill());
        List<String> afterKill = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger failuresAfterKill = new AtomicInteger();
        runLoad(List.of(second), Duration.ofSeconds(5), afterKill, failuresAfterKill, null);
        assertEquals(0, failuresAfterKill.get(), "the surviving instance serves every request");
        List<String> all = new ArrayList<>(acknowledged);
        all.addAll(duringKill);
        all.addAll(afterKill);
        verifyEveryWriteOnce(all);
        verifyFeed();
        System.out.printf(
                "Scale-out: %d writes acknowledged on two instances, %d while one was killed (%d requests"
                        + " to it failed), %d after%n",
                acknowledged.size(), duringKill.size(), failuresDuringKill.get(), afterKill.size());
    }

    /** Workers alternate between the instances: clients, filings, events and report reads. */
    private static void runLoad(
            List<PackagedApp> apps,
            Duration duration,
            List<String> acknowledged,
            AtomicInteger failures,
            Runnable halfway)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
        Instant end = Instant.now().plus(duration);
        Instant middle = Instant.now().plus(duration.dividedBy(2));
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < WORKERS; w++) {
            int worker = w;
            workers.add(pool.submit(() -> {
                int i = 0;
                while (Instant.now().isBefore(end)) {
                    PackagedApp app = apps.get((worker + i++) % apps.size());
                    try {
                        step(app, acknowledged);
                    } catch (Exception | AssertionError e) {
                        failures.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        if (halfway != null) {
            Thread.sleep(Math.max(0, Duration.between(Instant.now(), middle).toMillis()));
            halfway.run();
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
    }

    private static void step(PackagedApp app, List<String> acknowledged) {
        LocalDate today = LocalDate.now(ZoneId.of("America/New_York"));
        Response client = as(app, caseworker)
                .body(Map.of("firstName", "Load", "lastName", "Test"))
                .post("/api/v1/clients");
        if (client.statusCode() != 201) {
            throw new IllegalStateException("client " + client.statusCode());
        }
        String clientId = client.path("id");
        acknowledged.add("CLIENT_CREATED|" + clientId);
        Response filing = as(app, integration)
                .body(Map.of(
                        "clientId",
                        clientId,
                        "venue",
                        "USCIS",
                        "channel",
                        "MAIL",
                        "filedOn",
                        today.minusDays(120).toString()))
                .post("/api/v1/filings");
        if (filing.statusCode() != 201) {
            throw new IllegalStateException("filing " + filing.statusCode());
        }
        String filingId = filing.path("id");
        acknowledged.add("FILING_CREATED|" + filingId);
        Response event = as(app, caseworker)
                .body(Map.of(
                        "type", "RECEIPT_RECEIVED", "occurredOn", today.toString(), "receiptNumber", "IOE0912345678"))
                .post("/api/v1/filings/" + filingId + "/events");
        if (event.statusCode() != 201) {
            throw new IllegalStateException("event " + event.statusCode());
        }
        acknowledged.add("EVENT_RECORDED|" + filingId);
        int report = as(app, caseworker).get("/api/v1/reports/overdue/summary").statusCode();
        if (report != 200) {
            throw new IllegalStateException("report " + report);
        }
    }

    private static void verifyEveryWriteOnce(List<String> acknowledged) throws Exception {
        Set<String> unique = new HashSet<>(acknowledged);
        assertEquals(acknowledged.size(), unique.size());
        for (String write : unique) {
            String[] parts = write.split("\\|");
            String table = switch (parts[0]) {
                case "CLIENT_CREATED" -> "client where id";
                case "FILING_CREATED" -> "filing where id";
                default -> "filing_event where filing_id";
            };
            assertEquals(1, count("select count(*) from " + table + " = '" + parts[1] + "'"), write);
        }
    }

    /** Both dispatchers drain the outbox; the receiver sees every delivery id exactly once. */
    private static void verifyEachWebhookDeliveredOnce() throws Exception {
        await("every webhook delivery delivered")
                .atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> count("select count(*) from webhook_delivery where status <> 'DELIVERED'") == 0);
        long deliveries = count("select count(*) from webhook_delivery");
        assertEquals(0, count("select count(*) from webhook_delivery where status <> 'DELIVERED'"), "all delivered");
        assertTrue(deliveries > 0);
        assertEquals(deliveries, received.size(), "every delivery reached the receiver");
        // Each request the receiver got is an attempt on record: no delivery was claimed by both instances or
        // sent again because its outcome was lost. An attempt that timed out after its request arrived is sent
        // again (at least once) and counted as another attempt.
        Map<String, Integer> attempts = attemptsById();
        List<String> unaccounted = received.entrySet().stream()
                .filter(entry -> entry.getValue() > attempts.getOrDefault(entry.getKey(), 0))
                .map(Map.Entry::getKey)
                .toList();
        assertTrue(unaccounted.isEmpty(), "deliveries sent more often than attempted: " + describe(unaccounted));
        long again = received.values().stream().filter(times -> times > 1).count();
        System.out.printf(
                "Scale-out: %d webhook deliveries, %d of them sent again after an attempt that failed%n",
                deliveries, again);
    }

    private static Map<String, Integer> attemptsById() throws Exception {
        Map<String, Integer> attempts = new HashMap<>();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select id, attempts from webhook_delivery")) {
            while (rows.next()) {
                attempts.put(rows.getString(1), rows.getInt(2));
            }
        }
        return attempts;
    }

    /** What the instances logged about the given deliveries, to tell why one was sent again. */
    private static String describe(List<String> ids) {
        StringBuilder out = new StringBuilder(ids.toString());
        for (PackagedApp app : new PackagedApp[] {first, second}) {
            app.log()
                    .lines()
                    .filter(line -> ids.stream().anyMatch(line::contains))
                    .forEach(line -> out.append('\n').append(line));
        }
        return out.toString();
    }

    /**
     * The whole feed, paged through the surviving instance like a clinic system would poll it: each
     * change exactly once, until every committed change has arrived. An empty page only means that some
     * transaction is still open somewhere; a poller simply asks again.
     */
    private static void verifyFeed() throws Exception {
        PackagedApp reader = second;
        Set<String> seen = new HashSet<>();
        String cursor = null;
        long expected = count("select count(*) from change_feed where organization_id = 'demo'");
        Instant deadline = Instant.now().plusSeconds(60);
        while (seen.size() < expected && Instant.now().isBefore(deadline)) {
            var request = as(reader, integration).queryParam("limit", 500);
            if (cursor != null) {
                request.queryParam("after", cursor);
            }
            JsonPath page = request.get("/api/v1/changes")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            List<Map<String, Object>> list = page.getList("items");
            for (Map<String, Object> item : list) {
                assertTrue(seen.add((String) item.get("cursor")), "a change appeared twice");
            }
            cursor = page.getString("next");
            if (list.isEmpty()) {
                Thread.sleep(200);
            }
        }
        if (seen.size() != expected) {
            List<String> readPositions = new ArrayList<>();
            for (String c : seen) {
                readPositions.add(new String(java.util.Base64.getUrlDecoder().decode(c)));
            }
            java.util.Collections.sort(readPositions);
            try (Connection connection = postgres.getPostgresDatabase().getConnection();
                    Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery(
                            "select 'v1:' || txid::text || ':' || id, occurred_at from change_feed"
                                    + " where organization_id = 'demo' order by txid, id")) {
                int shown = 0;
                while (rows.next() && shown < 15) {
                    if (!readPositions.contains(rows.getString(1))) {
                        System.out.println("MISSING " + rows.getString(1) + " at " + rows.getString(2));
                        shown++;
                    }
                }
            }
            System.out.println("READ (first/last): " + readPositions.subList(0, Math.min(5, readPositions.size()))
                    + " ... " + readPositions.subList(Math.max(0, readPositions.size() - 5), readPositions.size()));
        }
        assertEquals(expected, seen.size(), "the feed delivers every committed change");
    }

    private static io.restassured.specification.RequestSpecification as(PackagedApp app, String token) {
        return given().baseUri(app.baseUrl())
                .auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .accept(ContentType.JSON);
    }

    private static long count(String sql) throws Exception {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
