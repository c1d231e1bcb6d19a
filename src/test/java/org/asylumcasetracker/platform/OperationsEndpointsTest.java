package org.asylumcasetracker.platform;

import static io.restassured.RestAssured.given;
import static org.asylumcasetracker.support.Api.anonymous;
import static org.asylumcasetracker.support.Api.as;
import static org.asylumcasetracker.support.Management.management;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.asylumcasetracker.support.Organizations;
import org.asylumcasetracker.support.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Health and metrics live on the management interface only, and every API answer (success, problem, CSV)
 * tells caches not to keep it and browsers not to guess its type.
 */
@QuarkusTest
class OperationsEndpointsTest {

    private static final List<String> OPERATIONS =
            List.of("/q/health", "/q/health/live", "/q/health/ready", "/q/health/started", "/q/metrics");

    @BeforeEach
    void tenants() {
        Organizations.ensureDemoTenants();
    }

    @Test
    void healthAndMetricsAnswerOnTheManagementPortOnly() {
        for (String path : OPERATIONS) {
            management().get(path).then().statusCode(200);
            given().get(path).then().statusCode(404);
        }
        management().get("/q/health/ready").then().body("status", equalTo("UP"));
        management().get("/q/metrics").then().body(containsString("http_server_requests_seconds"));
    }

    @Test
    void apiAnswersAreNotCachedNorSniffed() {
        List<Response> answers = List.of(
                as(TestTokens.BOB).get("/api/v1/organizations/demo/settings"),
                as(TestTokens.ALICE)
                        .body(Map.of("firstName", "Cache", "lastName", "Control"))
                        .post("/api/v1/clients"),
                as(TestTokens.ALICE).get("/api/v1/clients/" + UUID.randomUUID()),
                as(TestTokens.ALICE).body(Map.of()).post("/api/v1/clients"),
                as(TestTokens.DANA).accept("text/csv").get("/api/v1/reports/overdue"),
                as(TestTokens.DANA).get("/api/v1/clients"),
                anonymous().get("/api/v1/clients"));
        List<Integer> statuses = answers.stream().map(Response::statusCode).toList();
        org.junit.jupiter.api.Assertions.assertEquals(List.of(200, 201, 404, 400, 200, 403, 401), statuses);
        for (Response answer : answers) {
            answer.then().header("Cache-Control", "no-store").header("X-Content-Type-Options", "nosniff");
        }
    }
}
