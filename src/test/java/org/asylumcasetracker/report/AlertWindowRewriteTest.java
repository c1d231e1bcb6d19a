package org.asylumcasetracker.report;

import static org.asylumcasetracker.support.Api.as;
import static org.asylumcasetracker.support.Mother.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.asylumcasetracker.support.AllOrganizations;
import org.asylumcasetracker.support.Mother;
import org.asylumcasetracker.support.Organizations;
import org.asylumcasetracker.support.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * A change that moves one of a filing's alert windows rewrites that window alone: the others keep their row
 * (the same row version), so a busy filing does not leave a dozen dead rows behind each event.
 */
@QuarkusTest
class AlertWindowRewriteTest {

    private final String org = "rewrite-" + UUID.randomUUID().toString().substring(0, 8);
    private final String caseworker = TestTokens.token("rw1", "caseworker", org);

    @Inject
    EntityManager em;

    @Test
    void aReceiptRewritesTheReceiptWindowAndLeavesTheOthersAlone() {
        Organizations.ensure(org, "Rewrite Clinic", "America/New_York");
        String filing = Mother.mailedApplication(caseworker, "2025-09-01");
        Map<String, String> before = rows(filing);
        assertTrue(before.containsKey("RECEIPT_OVERDUE"), "an application without a receipt: " + before.keySet());
        assertTrue(before.size() >= 2, "windows besides the receipt's: " + before.keySet());

        as(caseworker)
                .body(event("RECEIPT_RECEIVED", "2026-01-15", "receiptNumber", Mother.RECEIPT_NUMBER))
                .post("/api/v1/filings/{id}/events", filing)
                .then()
                .statusCode(201);

        Map<String, String> after = rows(filing);
        assertNotEquals(
                version(before.get("RECEIPT_OVERDUE")),
                version(after.get("RECEIPT_OVERDUE")),
                "the receipt window ended: a new row");
        assertTrue(after.get("RECEIPT_OVERDUE").contains("ends 2026-01-"), "it ends with the receipt: " + after);
        assertTrue(after.containsKey("BIOMETRICS_NOTICE_OVERDUE"), "the notice's wait begins: " + after.keySet());
        List<String> untouched = before.keySet().stream()
                .filter(code -> !code.equals("RECEIPT_OVERDUE"))
                .toList();
        assertFalse(untouched.isEmpty());
        for (String code : untouched) {
            assertEquals(before.get(code), after.get(code), code + " did not move, and its row is the same");
        }
    }

    /** The filing's windows by code: their days and the row version ({@code xmin}) that holds them. */
    private Map<String, String> rows(String filing) {
        List<?> found = AllOrganizations.call(() -> em.createNativeQuery("select code || coalesce('/' || duty, '')"
                        + " || ' raised ' || raised_on || ' due ' || due_on || ' ends '"
                        + " || coalesce(cast(ends_on as text), '-') || ' xmin ' || cast(xmin as text)"
                        + " from alert_window where filing_id = cast(?1 as uuid)")
                .setParameter(1, filing)
                .getResultList());
        return found.stream()
                .map(Object::toString)
                .collect(Collectors.toMap(
                        row -> row.substring(0, row.indexOf(' ')), row -> row, (a, b) -> a + " | " + b, TreeMap::new));
    }

    private static String version(String row) {
        return row.substring(row.lastIndexOf(" xmin ") + 6);
    }
}
