package org.asylumcasetracker.casestatus;

import static org.asylumcasetracker.support.Api.as;
import static org.asylumcasetracker.support.Dates.daysAgo;
import static org.asylumcasetracker.support.Mother.event;
import static org.hamcrest.Matchers.empty;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.asylumcasetracker.casestatus.remote.UscisTokens;
import org.asylumcasetracker.support.Mother;
import org.asylumcasetracker.support.Organizations;
import org.asylumcasetracker.support.TestTokens;
import org.junit.jupiter.api.Test;

/** Without USCIS credentials the feature is off: no rounds, no OIDC client, no token request. */
@QuarkusTest
class CaseStatusOffTest {

    @Inject
    UscisConfig config;

    @Inject
    CaseStatusSchedule.FeatureOff featureOff;

    @Inject
    UscisTokens tokens;

    @Test
    void withoutCredentialsNothingRunsAndNoTokenIsRequested() {
        assertFalse(config.enabled());
        assertTrue(featureOff.test(null), "the scheduled rounds and the synchronisation skip");
        assertThrows(IllegalStateException.class, tokens::accessToken, "the OIDC client is never built");
    }

    @Test
    void theHistoryOfAFilingThatWasNeverCheckedIsEmpty() {
        Organizations.ensureDemoTenants();
        String clientId = Mother.createClient(TestTokens.ALICE);
        String filingId = Mother.createFiling(TestTokens.ALICE, Mother.uscisFiling(clientId, "ONLINE", 30));
        as(TestTokens.ALICE)
                .body(event("RECEIPT_RECEIVED", daysAgo(10), "receiptNumber", Mother.RECEIPT_NUMBER))
                .post("/api/v1/filings/" + filingId + "/events")
                .then()
                .statusCode(201);

        as(TestTokens.ALICE)
                .get("/api/v1/filings/" + filingId + "/case-status")
                .then()
                .statusCode(200)
                .body("receipts", empty());
        as(TestTokens.BOB)
                .get("/api/v1/filings/" + filingId + "/suggestions")
                .then()
                .statusCode(200)
                .body("items", empty());
    }
}
