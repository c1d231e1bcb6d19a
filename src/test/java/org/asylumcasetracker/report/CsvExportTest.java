package org.asylumcasetracker.report;

import static org.asylumcasetracker.support.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.asylumcasetracker.support.Mother;
import org.asylumcasetracker.support.Organizations;
import org.asylumcasetracker.support.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * The CSV export of a clinic of its own: names that a spreadsheet would run as formulas arrive as text,
 * the row cap (25 in this test's profile) refuses a larger export with a problem that says how to narrow it,
 * and {@code asOf} must lie within ten years of today.
 */
@QuarkusTest
@TestProfile(CsvExportTest.SmallRowCap.class)
class CsvExportTest {

    /** A cap a handful of filings can reach (the test profile's own is high enough for every other test). */
    public static class SmallRowCap implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("asylum.reports.csv-max-rows", "25");
        }
    }

    private static final String REPORT = "/api/v1/reports/overdue";
    private static final int CAP = 25;
    private static final List<String> HOSTILE_FIRST_NAMES =
            List.of("-2+3+cmd|' /C calc'!A0", "=HYPERLINK(\"x\")", "+1+1", "@SUM(A1)");

    @Test
    void namesThatLookLikeFormulasArriveAsText() throws IOException {
        String org = newClinic();
        String caseworker = TestTokens.token("cw", "caseworker", org);
        for (String firstName : HOSTILE_FIRST_NAMES) {
            Mother.overdueFiling(caseworker, firstName);
        }
        String csv = as(TestTokens.token("sv", "supervisor", org))
                .accept("text/csv")
                .get(REPORT)
                .then()
                .statusCode(200)
                .contentType(containsString("text/csv"))
                .extract()
                .asString();
        Set<String> names = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(csv))
                .getRecords()
                .stream()
                .map(r -> r.get("clientName"))
                .collect(Collectors.toSet());
        assertEquals(
                HOSTILE_FIRST_NAMES.stream()
                        .map(n -> "'" + n + " " + Mother.LAST_NAME)
                        .collect(Collectors.toSet()),
                names);
    }

    @Test
    void anExportOverTheCapIsRefusedSayingHowToNarrowIt() throws IOException {
        String org = newClinic();
        String first = TestTokens.token("cw1", "caseworker", org);
        String second = TestTokens.token("cw2", "caseworker", org);
        for (int i = 0; i <= CAP; i++) {
            Mother.overdueFiling(i % 2 == 0 ? first : second, "Client" + i);
        }
        String supervisor = TestTokens.token("sv", "supervisor", org);
        as(supervisor)
                .accept("text/csv")
                .get(REPORT)
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("code", equalTo("EXPORT_TOO_LARGE"))
                .body("detail", containsString("" + (CAP + 1)))
                .body("detail", containsString("caseworker"))
                .body("detail", containsString("page"));
        // the JSON report pages through them all, and a filtered export stays under the cap
        as(supervisor).get(REPORT).then().statusCode(200).body("total", equalTo(CAP + 1));
        String filtered = as(supervisor)
                .accept("text/csv")
                .queryParam("caseworker", "cw1")
                .get(REPORT)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        List<CSVRecord> rows = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(filtered))
                .getRecords();
        assertEquals(CAP / 2 + 1, rows.size());
    }

    @Test
    void asOfMustLieWithinTenYearsOfToday() {
        LocalDate today = LocalDate.now();
        for (String asOf : List.of(
                "1900-01-01",
                today.minusYears(10).minusDays(2).toString(),
                today.plusYears(10).plusDays(2).toString(),
                "9999-12-31")) {
            for (String path : List.of(REPORT, REPORT + "/summary")) {
                as(TestTokens.BOB)
                        .queryParam("asOf", asOf)
                        .get(path)
                        .then()
                        .statusCode(400)
                        .contentType("application/problem+json")
                        .body("errors[0].field", equalTo("asOf"));
            }
            as(TestTokens.BOB)
                    .accept("text/csv")
                    .queryParam("asOf", asOf)
                    .get(REPORT)
                    .then()
                    .statusCode(400)
                    .body("errors[0].field", equalTo("asOf"));
        }
        for (String asOf :
                List.of(today.minusYears(9).toString(), today.plusYears(9).toString())) {
            as(TestTokens.BOB).queryParam("asOf", asOf).get(REPORT).then().statusCode(200);
        }
    }

    private static String newClinic() {
        Organizations.ensureDemoTenants();
        String org = "csv-" + UUID.randomUUID().toString().substring(0, 8);
        Organizations.ensure(org, "CSV Clinic", "America/New_York");
        return org;
    }
}
