package org.asylumcasetracker.reliability;

import static io.restassured.RestAssured.given;
import static org.asylumcasetracker.support.Api.as;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.UUID;
import org.asylumcasetracker.support.Mother;
import org.asylumcasetracker.support.Organizations;
import org.asylumcasetracker.support.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Oversized and odd input is refused with a clear problem, and Unicode names come back exactly. */
@QuarkusTest
class InputLimitsTest {

    @BeforeEach
    void tenants() {
        Organizations.ensureDemoTenants();
    }

    @Test
    void aBodyOverTheLimitIs413() {
        String huge = "{\"firstName\": \"" + "x".repeat(1_200_000) + "\", \"lastName\": \"y\"}";
        as(TestTokens.ALICE)
                .body(huge)
                .post("/api/v1/clients")
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("status", equalTo(413));
    }

    @Test
    void anOverlongStringNamesTheField() {
        Map<String, Object> body = Mother.client();
        body.put("lastName", "x".repeat(101));
        as(TestTokens.ALICE)
                .body(body)
                .post("/api/v1/clients")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("lastName"));
    }

    @Test
    void deepNestingAndHugeArraysAre400() {
        String deep = "{\"firstName\": \"a\", \"lastName\": \"b\", \"mailingAddress\": " + "[".repeat(5000)
                + "]".repeat(5000) + "}";
        as(TestTokens.ALICE)
                .body(deep)
                .post("/api/v1/clients")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        StringBuilder many = new StringBuilder("[");
        for (int i = 0; i < 5000; i++) {
            many.append(i == 0 ? "" : ",").append("\"PASSPORT\"");
        }
        as(TestTokens.ALICE)
                .body("{\"firstName\": \"a\", \"lastName\": \"b\", \"identityDocuments\": " + many + "]}")
                .post("/api/v1/clients")
                .then()
                .statusCode(201);
        String ids = "[" + "\"00000000-0000-0000-0000-000000000000\",".repeat(999)
                + "\"00000000-0000-0000-0000-000000000000\"]";
        as(TestTokens.ALICE)
                .body("{\"clientId\": \"00000000-0000-0000-0000-000000000000\", \"venue\": \"USCIS\","
                        + " \"channel\": \"MAIL\", \"filedOn\": \"2026-01-02\", \"familyMemberIds\": " + ids + "}")
                .post("/api/v1/filings")
                .then()
                .statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItem("familyMemberIds"));
    }

    @Test
    void pageSizeOverTwoHundredIs400() {
        as(TestTokens.ALICE)
                .queryParam("size", 201)
                .get("/api/v1/clients")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("size"));
    }

    @Test
    void overlongFiltersAre400OnEveryListAndReport() {
        String overlong = "x".repeat(101);
        for (String path : new String[] {"/api/v1/clients", "/api/v1/filings", "/api/v1/reports/overdue"}) {
            as(TestTokens.BOB)
                    .queryParam("caseworker", overlong)
                    .get(path)
                    .then()
                    .statusCode(400)
                    .body("errors[0].field", equalTo("caseworker"));
        }
    }

    @Test
    void aSemicolonInAQueryValueIsPartOfTheValue() {
        Map<String, Object> body = Mother.client();
        String lastName = "Smith;Jones-" + UUID.randomUUID().toString().substring(0, 8);
        body.put("lastName", lastName);
        as(TestTokens.ALICE).body(body).post("/api/v1/clients").then().statusCode(201);
        given().urlEncodingEnabled(false)
                .auth()
                .oauth2(TestTokens.ALICE)
                .get("/api/v1/clients?q=" + lastName)
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].lastName", equalTo(lastName));
        given().urlEncodingEnabled(false)
                .auth()
                .oauth2(TestTokens.BOB)
                .get("/api/v1/reports/overdue?caseworker=" + "x".repeat(60) + ";" + "y".repeat(45))
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("caseworker"));
    }

    @Test
    void shortenedUuidsAndHugePagesAre400() {
        as(TestTokens.ALICE)
                .queryParam("clientId", "28b9a2f7-9c6c-4a11-8092-4d2d8c794db")
                .get("/api/v1/filings")
                .then()
                .statusCode(400);
        as(TestTokens.ALICE).get("/api/v1/clients/1-2-3-4-5").then().statusCode(400);
        as(TestTokens.ALICE)
                .queryParam("page", 829_521_122)
                .queryParam("size", 200)
                .get("/api/v1/clients")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("page"));
    }

    @Test
    void unicodeNamesRoundTrip() {
        for (String[] name : new String[][] {
            {"José Ñúñez", "Çelik-Øre"}, {"أمينة", "الحداد"}, {"王", "小明"}, {"Zoë 🌻", "O’Connor 👩‍👧"}
        }) {
            Map<String, Object> body = Mother.client();
            body.put("firstName", name[0]);
            body.put("lastName", name[1]);
            String id = as(TestTokens.ALICE)
                    .body(body)
                    .post("/api/v1/clients")
                    .then()
                    .statusCode(201)
                    .body("firstName", equalTo(name[0]))
                    .extract()
                    .path("id");
            as(TestTokens.ALICE)
                    .get("/api/v1/clients/" + id)
                    .then()
                    .body("firstName", equalTo(name[0]))
                    .body("lastName", equalTo(name[1]));
        }
    }
}
