package org.asylumcasetracker.reliability;

import static org.asylumcasetracker.support.Api.as;
import static org.asylumcasetracker.support.Management.management;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.asylumcasetracker.support.Mother;
import org.asylumcasetracker.support.Organizations;
import org.asylumcasetracker.support.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The database misbehaves between the service and PostgreSQL: slow, frozen, cut off, restarted. Requests
 * fail fast with 503 problem+json, readiness reports DOWN, the service recovers by itself, and every
 * write that was acknowledged is there afterwards.
 */
@QuarkusTest
@TestProfile(DatabaseFaultTest.BehindAProxy.class)
class DatabaseFaultTest {

    private static final Duration FAIL_FAST = Duration.ofSeconds(5);
    private static final Duration RECOVERY = Duration.ofSeconds(5);

    /** Its own database behind the proxy (the resource applies to this profile only). */
    public static class BehindAProxy implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(ProxiedDatabase.class));
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("asylum.profile.marker", "faults");
        }
    }

    private final List<String> acknowledged = new ArrayList<>();

    @BeforeEach
    void tenants() {
        Organizations.ensureDemoTenants();
    }

    @AfterEach
    void healed() {
        ProxiedDatabase.slow = false;
        if (ProxiedDatabase.current.proxy().isFrozen()) {
            ProxiedDatabase.current.proxy().unfreeze();
        }
        awaitRecovery();
    }

    @Test
    void addedLatencyOnlySlowsThingsDown() {
        ProxiedDatabase.slow = true;
        String client = Mother.createClient(TestTokens.ALICE);
        as(TestTokens.ALICE).get("/api/v1/clients/" + client).then().statusCode(200);
        ProxiedDatabase.slow = false;
    }

    @Test
    void aFrozenConnectionFailsFastAndTheServiceRecovers() throws Exception {
        String before = Mother.createClient(TestTokens.ALICE);
        acknowledged.add(before);
        ProxiedDatabase.current.proxy().freeze();
        try {
            assertFailsFast(() -> as(TestTokens.ALICE).get("/api/v1/clients/" + before));
            assertFailsFast(() -> as(TestTokens.ALICE).body(Mother.client()).post("/api/v1/clients"));
            assertEquals(503, management().get("/q/health/ready").statusCode(), "readiness is DOWN while frozen");
        } finally {
            ProxiedDatabase.current.proxy().unfreeze();
        }
        Duration recovery = awaitRecovery();
        System.out.printf("database fault: recovered %d ms after unfreezing%n", recovery.toMillis());
        assertTrue(recovery.compareTo(RECOVERY) <= 0, "recovered in " + recovery);
        as(TestTokens.ALICE).get("/api/v1/clients/" + before).then().statusCode(200);
    }

    @Test
    void cutConnectionsAreReplaced() {
        String client = Mother.createClient(TestTokens.ALICE);
        ProxiedDatabase.current.proxy().closeAllPairs();
        Instant start = Instant.now();
        int status = 0;
        while (Duration.between(start, Instant.now()).compareTo(RECOVERY) < 0) {
            status = as(TestTokens.ALICE).get("/api/v1/clients/" + client).statusCode();
            assertTrue(status == 200 || status == 503, "only 200 or 503, got " + status);
            if (status == 200) {
                break;
            }
        }
        assertEquals(200, status, "the service did not get new connections within " + RECOVERY);
    }

    @Test
    void aDatabaseRestartIsSurvivedWithoutLosingAcknowledgedWrites() throws Exception {
        for (int i = 0; i < 5; i++) {
            acknowledged.add(Mother.createClient(TestTokens.ALICE));
        }
        ProxiedDatabase.current.stopDatabase();
        try {
            assertFailsFast(() -> as(TestTokens.ALICE).body(Mother.client()).post("/api/v1/clients"));
            assertEquals(503, management().get("/q/health/ready").statusCode());
        } finally {
            ProxiedDatabase.current.startDatabaseAgain();
        }
        Duration recovery = awaitRecovery();
        System.out.printf("database fault: recovered %d ms after the database restarted%n", recovery.toMillis());
        assertTrue(recovery.compareTo(RECOVERY) <= 0, "recovered in " + recovery);
        for (String id : acknowledged) {
            as(TestTokens.ALICE).get("/api/v1/clients/" + id).then().statusCode(200);
        }
    }

    private static void assertFailsFast(java.util.function.Supplier<Response> request) {
        Instant start = Instant.now();
        Response response = request.get();
        Duration took = Duration.between(start, Instant.now());
        System.out.printf("database fault: 503 after %d ms%n", took.toMillis());
        assertEquals(503, response.statusCode(), response.asString());
        assertEquals("application/problem+json", response.contentType());
        assertTrue(took.compareTo(FAIL_FAST) <= 0, "took " + took);
    }

    /** Polls readiness and a real read until both succeed; returns how long that took. */
    private static Duration awaitRecovery() {
        Instant start = Instant.now();
        await("readiness and a read succeed")
                .atMost(Duration.ofSeconds(30))
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> management().get("/q/health/ready").statusCode() == 200
                        && as(TestTokens.ALICE)
                                        .get("/api/v1/organizations/demo")
                                        .statusCode()
                                == 200);
        return Duration.between(start, Instant.now());
    }
}
