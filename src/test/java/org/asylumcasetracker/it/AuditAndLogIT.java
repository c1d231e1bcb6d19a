package org.asylumcasetracker.it;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Who did what is recorded with the token's user (service accounts by their account name), readable by
 * a supervisor; and a whole scenario with the service's own logging at DEBUG leaves no personal data in
 * the log.
 */
class AuditAndLogIT {

    private static final String FIRST = "Zebulon";
    private static final String LAST = "Quixotica";
    private static final String A_NUMBER_DIGITS = "987123456";
    private static final String PHONE = "+1 555 867 5309";
    private static final String EMAIL = "zq-unique@example.org";

    private static ItEnvironment env;
    private static String client;
    private static String filing;

    @BeforeAll
    static void scenario() {
        env = ItEnvironment.shared();
        LocalDate today = LocalDate.now(ZoneId.of("America/New_York"));
        client = env.as("alice")
                .body(Map.of(
                        "firstName",
                        FIRST,
                        "lastName",
                        LAST,
                        "aNumber",
                        "A-987-123-456",
                        "phone",
                        PHONE,
                        "email",
                        EMAIL,
                        "externalRef",
                        "AUDIT-1"))
                .post("/api/v1/clients")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        env.as("bob")
                .body(Map.of("preferredLanguage", "es"))
                .patch("/api/v1/clients/" + client)
                .then()
                .statusCode(200);
        filing = env.as("alice")
                .body(Map.of(
                        "clientId",
                        client,
                        "venue",
                        "IMMIGRATION_COURT",
                        "filedOn",
                        today.minusDays(40).toString()))
                .post("/api/v1/filings")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        env.as("clinic-integration")
                .body(Map.of(
                        "type",
                        "USCIS_PACKAGE_MAILED",
                        "occurredOn",
                        today.minusDays(30).toString(),
                        "trackingNumber",
                        "TRACK-1"))
                .post("/api/v1/filings/" + filing + "/events")
                .then()
                .statusCode(201);
        env.as("alice")
                .body(Map.of(
                        "type",
                        "CONTACT_LOGGED",
                        "occurredOn",
                        today.toString(),
                        "note",
                        "Spoke with " + FIRST + " " + LAST + " at " + PHONE))
                .post("/api/v1/filings/" + filing + "/events")
                .then()
                .statusCode(201);
        // bad input that carries personal data must not echo it into the log either
        env.as("alice")
                .body(Map.of(
                        "firstName",
                        FIRST,
                        "lastName",
                        LAST,
                        "aNumber",
                        FIRST + "-" + A_NUMBER_DIGITS,
                        "email",
                        "not-an-email " + EMAIL))
                .post("/api/v1/clients")
                .then()
                .statusCode(400);
        env.as("alice")
                .body("{\"firstName\": \"" + FIRST + "\", \"lastName\": ")
                .post("/api/v1/clients")
                .then()
                .statusCode(400);
        env.as("alice")
                .body(Map.of("firstName", FIRST, "lastName", LAST, "externalRef", "AUDIT-1"))
                .post("/api/v1/clients")
                .then()
                .statusCode(409);
        env.as("clinic-integration")
                .body(Map.of("firstName", "Integrated", "lastName", "Person"))
                .put("/api/v1/clients/by-ref/AUDIT-2")
                .then()
                .statusCode(201);
    }

    @Test
    void eachWriteRecordsItsActorAndTime() {
        env.as("bob")
                .get("/api/v1/clients/" + client)
                .then()
                .statusCode(200)
                .body("createdBy", equalTo("alice"))
                .body("updatedBy", equalTo("bob"));
        env.as("bob")
                .get("/api/v1/filings/" + filing + "/events")
                .then()
                .statusCode(200)
                .body("items[0].recordedBy", equalTo("service-account-clinic-integration"))
                .body("items[1].recordedBy", equalTo("alice"));
        env.as("bob")
                .get("/api/v1/filings/" + filing)
                .then()
                .body("createdBy", equalTo("alice"))
                .body("updatedBy", equalTo("alice"));
        env.as("bob")
                .get("/api/v1/clients?q=AUDIT-2")
                .then()
                .body("items[0].createdBy", equalTo("service-account-clinic-integration"));
    }

    @Test
    void noPersonalDataInTheLogAtDebug() {
        String log = env.log();
        assertTrue(
                log.contains("Recorded CONTACT_LOGGED on filing " + filing),
                "the service's DEBUG lines are in the captured log");
        for (String personal : List.of(FIRST, LAST, A_NUMBER_DIGITS, "867 5309", EMAIL, "zq-unique")) {
            assertFalse(log.contains(personal), "the log contains personal data: " + personal);
        }
    }
}
