package org.asylumcasetracker.platform;

import static org.asylumcasetracker.support.Api.anonymous;
import static org.asylumcasetracker.support.Api.as;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.asylumcasetracker.support.Organizations;
import org.asylumcasetracker.support.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every class of error a client can cause answers with problem+json and leaks nothing internal. */
@QuarkusTest
class ProblemResponsesTest {

    private static final String SETTINGS = "/api/v1/organizations/demo/settings";

    @BeforeEach
    void tenants() {
        Organizations.ensureDemoTenants();
    }

    @Test
    void malformedJson() {
        problem(
                        as(TestTokens.BOB)
                                .body("{\"receiptOverdueMonths\": 3,")
                                .put(SETTINGS)
                                .then(),
                        400)
                .body("detail", containsString("JSON"));
    }

    @Test
    void aBodyThatIsNotAnObject() {
        problem(as(TestTokens.BOB).body("[1, 2]").put(SETTINGS).then(), 400);
        problem(as(TestTokens.BOB).body("").put(SETTINGS).then(), 400);
    }

    @Test
    void unknownEnumValueNamesTheFieldAndTheChoices() {
        problem(
                        as(TestTokens.BOB)
                                .body(settingsWith("\"courtBiometricsProcess\": \"SMOKE_SIGNALS\""))
                                .put(SETTINGS)
                                .then(),
                        400)
                .body("errors[0].field", equalTo("courtBiometricsProcess"))
                .body("errors[0].message", allOf(containsString("MAIL_PACKAGE"), containsString("AUTOMATIC")));
    }

    @Test
    void wrongTypeNamesTheField() {
        problem(
                        as(TestTokens.BOB)
                                .body(settingsWith("\"walkInWindowDays\": \"three weeks\""))
                                .put(SETTINGS)
                                .then(),
                        400)
                .body("errors[0].field", equalTo("walkInWindowDays"));
        problem(
                        as(TestTokens.BOB)
                                .body(settingsWith("\"walkInWindowDays\": 2.5"))
                                .put(SETTINGS)
                                .then(),
                        400)
                .body("errors[0].field", equalTo("walkInWindowDays"));
        problem(
                        as(TestTokens.ADMIN)
                                .body("{\"id\": 42, \"name\": \"x\", \"timeZone\": \"UTC\"}")
                                .post("/api/v1/organizations")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("id"));
    }

    @Test
    void beanValidationListsEveryField() {
        problem(as(TestTokens.ADMIN).body("{}").post("/api/v1/organizations").then(), 400)
                .body("errors.field", hasItem("id"))
                .body("errors.field", hasItem("name"))
                .body("errors.field", hasItem("timeZone"));
    }

    @Test
    void queryParametersAreValidated() {
        problem(as(TestTokens.ADMIN).get("/api/v1/organizations?size=201").then(), 400)
                .body("errors[0].field", equalTo("size"));
        problem(as(TestTokens.ADMIN).get("/api/v1/organizations?page=-1").then(), 400)
                .body("errors[0].field", equalTo("page"));
        problem(as(TestTokens.ADMIN).get("/api/v1/organizations?size=lots").then(), 400);
    }

    @Test
    void notFound() {
        problem(as(TestTokens.ADMIN).get("/api/v1/organizations/nowhere").then(), 404);
        problem(as(TestTokens.ADMIN).get("/api/v1/no-such-resource").then(), 404);
    }

    @Test
    void conflict() {
        problem(
                as(TestTokens.ADMIN)
                        .body("{\"id\": \"demo\", \"name\": \"x\", \"timeZone\": \"UTC\"}")
                        .post("/api/v1/organizations")
                        .then(),
                409);
    }

    @Test
    void preconditionFailed() {
        problem(
                as(TestTokens.BOB)
                        .header("If-Match", "\"999\"")
                        .body(settingsWith("\"walkInWindowDays\": 21"))
                        .put(SETTINGS)
                        .then(),
                412);
        problem(
                as(TestTokens.BOB)
                        .header("If-Match", "not-a-version")
                        .body(settingsWith("\"walkInWindowDays\": 21"))
                        .put(SETTINGS)
                        .then(),
                412);
    }

    @Test
    void unsupportedMediaTypeAndMethod() {
        problem(
                as(TestTokens.BOB)
                        .contentType("text/plain")
                        .body("hello")
                        .put(SETTINGS)
                        .then(),
                415);
        problem(as(TestTokens.BOB).delete(SETTINGS).then(), 405);
    }

    @Test
    void unauthenticatedAndForbidden() {
        problem(anonymous().get(SETTINGS).then(), 401);
        problem(as("not.a.token").get(SETTINGS).then(), 401);
        problem(as(TestTokens.ALICE).get(SETTINGS).then(), 403);
    }

    @Test
    void anUnexpectedFailureGivesAReferenceAndHidesTheCause() {
        problem(anonymous().get("/test-only/failure").then(), 500)
                .body("reference", matchesPattern("[0-9a-f-]{36}"))
                .body(not(containsString("select")))
                .body(not(containsString("IllegalStateException")))
                .body(not(containsString("secret_column")));
    }

    private static ValidatableResponse problem(ValidatableResponse response, int status) {
        return response.statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("type", notNullValue())
                .body("title", notNullValue())
                .body("detail", notNullValue())
                .body(not(containsString("org.asylumcasetracker")))
                .body(not(containsString("java.")))
                .body(not(containsString("Exception")))
                .body(not(containsString("\tat ")));
    }

    private static String settingsWith(String override) {
        String key = override.substring(0, override.indexOf(':'));
        StringBuilder json = new StringBuilder("{");
        String[][] defaults = {
            {"\"receiptOverdueMonths\"", "3"}, {"\"biometricsNoticeOverdueMonths\"", "2"},
            {"\"hearingWarningDays\"", "60"}, {"\"packageGraceDays\"", "7"},
            {"\"appointmentReminderDays\"", "7"}, {"\"walkInWindowDays\"", "21"},
            {"\"onlineRescheduleCutoffHours\"", "12"}, {"\"maxOnlineReschedules\"", "2"},
            {"\"workPermitWaitDays\"", "150"}, {"\"courtBiometricsProcess\"", "\"MAIL_PACKAGE\""}
        };
        for (String[] entry : defaults) {
            if (!entry[0].equals(key)) {
                json.append(entry[0]).append(": ").append(entry[1]).append(", ");
            }
        }
        return json.append(override).append('}').toString();
    }
}
