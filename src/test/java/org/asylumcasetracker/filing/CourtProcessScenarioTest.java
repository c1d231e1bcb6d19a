package org.asylumcasetracker.filing;

import static org.asylumcasetracker.support.Api.as;
import static org.asylumcasetracker.support.Dates.daysAgo;
import static org.asylumcasetracker.support.Dates.morning;
import static org.asylumcasetracker.support.Dates.today;
import static org.asylumcasetracker.support.Mother.event;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.asylumcasetracker.support.Mother;
import org.asylumcasetracker.support.Organizations;
import org.asylumcasetracker.support.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * A clinic that follows the process in which USCIS schedules court applicants' biometrics from the court's records
 * (no package to mail). One of its clients had been fingerprinted before, and USCIS reuses those fingerprints.
 */
@QuarkusTest
class CourtProcessScenarioTest {

    private static final String EVENTS = "/api/v1/filings/{id}/events";

    @Test
    void anAutomaticCourtFilingWithReusedFingerprintsRaisesNoFalseAlertOnAnyDay() {
        String org = "auto-" + UUID.randomUUID().toString().substring(0, 8);
        Organizations.ensure(org, "Automatic Process Clinic", "America/New_York");
        String supervisor = TestTokens.token("sam", "supervisor", org);
        String caseworker = TestTokens.token("cara", "caseworker", org);
        Map<String, Object> settings = as(supervisor)
                .get("/api/v1/organizations/{id}/settings", org)
                .then()
                .extract()
                .as(Map.class);
        settings.put("courtBiometricsProcess", "AUTOMATIC");
        as(supervisor)
                .header("If-Match", "\"0\"")
                .body(settings)
                .put("/api/v1/organizations/{id}/settings", org)
                .then()
                .statusCode(200);

        String client = Mother.createClient(caseworker);
        String filing = Mother.createFiling(caseworker, Mother.courtFiling(client, 200));
        LocalDate filedOn = today().minusDays(200);

        // The court's records start the wait for a biometrics notice: no package is ever asked for.
        as(caseworker)
                .get("/api/v1/filings/" + filing)
                .then()
                .body("stage", equalTo("AWAITING_BIOMETRICS_NOTICE"))
                .body("allowedEvents", not(hasItem("USCIS_PACKAGE_MAILED")));
        as(caseworker)
                .body(event("HEARING_SCHEDULED", daysAgo(150), "hearingAt", morning(40), "kind", "INDIVIDUAL"))
                .post(EVENTS, filing)
                .then()
                .statusCode(201);
        for (LocalDate asOf = filedOn; asOf.isBefore(filedOn.plusDays(700)); asOf = asOf.plusDays(5)) {
            Set<String> codes = codes(caseworker, filing, asOf);
            assertTrue(
                    !codes.contains("USCIS_PACKAGE_NOT_MAILED") && !codes.contains("RECEIPT_OVERDUE"),
                    asOf + ": " + codes);
        }

        // USCIS reuses the fingerprints it already has: biometrics are done, every clock about them stops.
        as(caseworker)
                .body(event("BIOMETRICS_REUSED", daysAgo(60)))
                .post(EVENTS, filing)
                .then()
                .statusCode(201)
                .body("filing.stage", equalTo("BIOMETRICS_COMPLETED"));
        // As of any day from the reuse on, nothing about biometrics is raised; before it, the facts then known said
        // only that the notice was late (from two months after the filing).
        LocalDate reusedOn = today().minusDays(60);
        for (LocalDate asOf = filedOn; asOf.isBefore(filedOn.plusDays(700)); asOf = asOf.plusDays(5)) {
            Set<String> codes = codes(caseworker, filing, asOf);
            codes.remove("WORK_PERMIT_ELIGIBLE"); // true on its day, biometrics or not
            codes.remove("ANNUAL_FEE_EXPECTED"); // owed each calendar year the application is pending
            Set<String> expected = asOf.isBefore(reusedOn) && !asOf.isBefore(filedOn.plusMonths(2))
                    ? Set.of("BIOMETRICS_NOTICE_OVERDUE")
                    : Set.of();
            assertEquals(expected, codes, "as of " + asOf);
        }
    }

    private static Set<String> codes(String token, String filing, LocalDate asOf) {
        List<String> codes = as(token)
                .queryParam("asOf", asOf.toString())
                .get("/api/v1/filings/{id}/alerts", filing)
                .then()
                .statusCode(200)
                .extract()
                .path("items.code");
        return new HashSet<>(codes);
    }
}
