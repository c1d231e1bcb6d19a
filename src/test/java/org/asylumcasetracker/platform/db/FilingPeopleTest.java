package org.asylumcasetracker.platform.db;

import static org.asylumcasetracker.support.Api.as;
import static org.asylumcasetracker.support.Dates.daysAgo;
import static org.asylumcasetracker.support.Mother.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import org.asylumcasetracker.platform.persistence.OrganizationScope;
import org.asylumcasetracker.support.Mother;
import org.asylumcasetracker.support.Organizations;
import org.asylumcasetracker.support.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * The table of who is on which filing (migration V45) follows each filing's principal and family members, whoever
 * writes the filing, and the migration's own statements give, for filings written before it, the rows the service
 * writes. Reports and the one-year deadline find a client's filings through it.
 */
@QuarkusTest
class FilingPeopleTest {

    private static final String MIGRATION = "/db/migration/V45__filing_person.sql";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theRowsFollowTheFilingsPeople() throws Exception {
        Organizations.ensureDemoTenants();
        String mother = Mother.createClient(TestTokens.ALICE);
        String son = Mother.createClient(TestTokens.ALICE);
        String daughter = Mother.createClient(TestTokens.ALICE);
        Map<String, Object> application = Mother.uscisFiling(mother, "MAIL", 100);
        application.put("familyMemberIds", List.of(son));
        String filing = Mother.createFiling(TestTokens.ALICE, application);
        assertEquals(Set.of(mother + " principal", son + " member"), people(filing));

        as(TestTokens.ALICE)
                .contentType("application/merge-patch+json")
                .body(Map.of("familyMemberIds", List.of(daughter, son)))
                .patch("/api/v1/filings/{id}", filing)
                .then()
                .statusCode(200);
        assertEquals(Set.of(mother + " principal", son + " member", daughter + " member"), people(filing));

        as(TestTokens.ALICE)
                .contentType("application/merge-patch+json")
                .body(Map.of("familyMemberIds", List.of(daughter)))
                .patch("/api/v1/filings/{id}", filing)
                .then()
                .statusCode(200);
        as(TestTokens.ALICE)
                .body(event("RECEIPT_RECEIVED", daysAgo(80), "receiptNumber", "IOE0912345670"))
                .post("/api/v1/filings/" + filing + "/events")
                .then()
                .statusCode(201);
        assertEquals(Set.of(mother + " principal", daughter + " member"), people(filing));
    }

    @Test
    void theMigrationGivesTheRowsTheServiceWrites() throws Exception {
        Organizations.ensureDemoTenants();
        String principal = Mother.createClient(TestTokens.ALICE);
        String spouse = Mother.createClient(TestTokens.ALICE);
        String child = Mother.createClient(TestTokens.ALICE);
        Map<String, Object> application = Mother.uscisFiling(principal, "ONLINE", 30);
        application.put("familyMemberIds", List.of(spouse, child));
        Mother.createFiling(TestTokens.ALICE, application);
        Mother.createFiling(TestTokens.CAROL, Mother.uscisFiling(Mother.createClient(TestTokens.CAROL), "MAIL", 10));

        Set<String> written = OrganizationScope.acrossOrganizations(() -> {
            try (Connection db = dataSource.getConnection()) {
                return everyone(db);
            }
        });
        assertTrue(written.size() >= 4, "rows of both organizations: " + written.size());
        // one transaction, rolled back: the table is emptied and filled again by the migration's statements
        Set<String> backfilled = OrganizationScope.acrossOrganizations(() -> {
            try (Connection db = dataSource.getConnection()) {
                db.setAutoCommit(false);
                try (Statement statement = db.createStatement()) {
                    statement.executeUpdate("delete from filing_person");
                    assertTrue(everyone(db).isEmpty());
                    for (String backfill : backfills()) {
                        statement.executeUpdate(backfill);
                    }
                    return everyone(db);
                } finally {
                    db.rollback();
                    db.setAutoCommit(true);
                }
            }
        });
        assertFalse(backfills().isEmpty());
        assertEquals(written, backfilled);
    }

    private Set<String> people(String filing) throws Exception {
        return OrganizationScope.acrossOrganizations(() -> {
            try (Connection db = dataSource.getConnection();
                    PreparedStatement select = db.prepareStatement("select client_id, principal, organization_id"
                            + " from filing_person where filing_id = ?")) {
                select.setObject(1, UUID.fromString(filing));
                Set<String> people = new TreeSet<>();
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        assertEquals(Organizations.DEMO, row.getString(3));
                        people.add(row.getString(1) + (row.getBoolean(2) ? " principal" : " member"));
                    }
                }
                return people;
            }
        });
    }

    private static Set<String> everyone(Connection db) throws SQLException {
        Set<String> rows = new TreeSet<>();
        try (Statement select = db.createStatement();
                ResultSet row = select.executeQuery(
                        "select filing_id, client_id, organization_id, principal from filing_person")) {
            while (row.next()) {
                rows.add(row.getString(1) + " " + row.getString(2) + " " + row.getString(3) + " " + row.getBoolean(4));
            }
        }
        return rows;
    }

    /**
     * The migration's statements that fill the table for existing filings: the inserts at the start of a line (the
     * trigger's own insert is indented in its function's body).
     */
    private static List<String> backfills() throws IOException {
        try (InputStream in = FilingPeopleTest.class.getResourceAsStream(MIGRATION)) {
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return Pattern.compile("^insert into filing_person[^;]*", Pattern.MULTILINE)
                    .matcher(sql)
                    .results()
                    .map(MatchResult::group)
                    .toList();
        }
    }
}
