package org.asylumcasetracker.client;

import static org.asylumcasetracker.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.asylumcasetracker.platform.persistence.OrganizationScope;
import org.asylumcasetracker.support.Dates;
import org.asylumcasetracker.support.Mother;
import org.asylumcasetracker.support.Organizations;
import org.asylumcasetracker.support.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A case worker renamed in Keycloak is the same person to the service: ownership and audit follow the token's
 * {@code sub}, the username is only what is shown. Her clients stay hers (and show her new name), what she
 * wrote stays attributed to her, and whoever takes her old username gets none of it.
 */
@QuarkusTest
class RenamedCaseworkerTest {

    private static final String REPORT = "/api/v1/reports/overdue";

    @Inject
    AgroalDataSource database;

    @BeforeEach
    void tenants() {
        Organizations.ensureDemoTenants();
    }

    @Test
    void aRenamedCaseWorkerKeepsHerClientsAndHistory() throws SQLException {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String subject = UUID.randomUUID().toString();
        String before = caseworker("maria-" + suffix, subject);

        // step 1: as maria, she enters a client (hers by default) whose filing is overdue, and logs a call
        String client = Mother.createClient(before);
        String filing = Mother.createFiling(before, Mother.uscisFiling(client, "MAIL", 200));
        as(before)
                .body(Map.of(
                        "type", "CONTACT_LOGGED", "occurredOn", Dates.today().toString()))
                .post("/api/v1/filings/{id}/events", filing)
                .then()
                .statusCode(201);
        as(before).get(REPORT).then().statusCode(200).body("items.filingId", hasItem(filing));

        // step 2: Keycloak renames her; her next token has the same sub and a new preferred_username
        String after = caseworker("maria.lopez-" + suffix, subject);
        as(after)
                .queryParam("size", 200)
                .get(REPORT)
                .then()
                .statusCode(200)
                .body("items.filingId", hasItem(filing))
                .body("items.find { it.filingId == '" + filing + "' }.caseworker", equalTo("maria.lopez-" + suffix));
        as(after)
                .get("/api/v1/clients/{id}", client)
                .then()
                .statusCode(200)
                .body("caseworker", equalTo("maria.lopez-" + suffix));
        as(after)
                .queryParam("caseworker", "maria.lopez-" + suffix)
                .get("/api/v1/clients")
                .then()
                .body("total", equalTo(1));
        // what she wrote keeps the name she wrote it under, and her subject
        as(after)
                .get("/api/v1/filings/{id}/events", filing)
                .then()
                .body("items[0].recordedBy", equalTo("maria-" + suffix));
        assertEquals(
                List.of(subject, subject),
                row("select created_by_subject, caseworker_subject from client where id = ?", client));
        assertEquals(List.of(subject), row("select recorded_by_subject from filing_event where filing_id = ?", filing));

        // step 3: a new colleague gets the old username: none of maria's clients are hers
        String newcomer = caseworker("maria-" + suffix, UUID.randomUUID().toString());
        as(newcomer)
                .queryParam("size", 200)
                .get(REPORT)
                .then()
                .statusCode(200)
                .body("items.filingId", not(hasItem(filing)));
    }

    @Test
    void aClientAssignedToAUsernameNobodyHasUsedYetGoesToTheFirstPersonWhoArrivesWithIt() {
        String username = "new-hire-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = new java.util.HashMap<>(Mother.client());
        body.put("caseworker", username);
        String client = as(TestTokens.BOB)
                .body(body)
                .post("/api/v1/clients")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String filing = Mother.createFiling(TestTokens.BOB, Mother.uscisFiling(client, "MAIL", 200));

        as(caseworker(username, UUID.randomUUID().toString()))
                .queryParam("size", 200)
                .get(REPORT)
                .then()
                .statusCode(200)
                .body("items.filingId", hasItem(filing));
    }

    private static String caseworker(String username, String subject) {
        return TestTokens.sign(TestTokens.claims(username, "caseworker", "demo").subject(subject));
    }

    private List<String> row(String sql, String id) throws SQLException {
        try (Connection connection = OrganizationScope.acrossOrganizations(() -> database.getConnection());
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, UUID.fromString(id));
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                List<String> values = new java.util.ArrayList<>();
                for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                    values.add(rows.getString(i));
                }
                return values;
            }
        }
    }
}
