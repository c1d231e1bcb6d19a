package org.asylumcasetracker.platform.db;

import static org.asylumcasetracker.support.Api.as;
import static org.asylumcasetracker.support.Dates.daysAgo;
import static org.asylumcasetracker.support.Dates.morning;
import static org.asylumcasetracker.support.Mother.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.asylumcasetracker.filing.EventType;
import org.asylumcasetracker.filing.KeptEvent;
import org.asylumcasetracker.filing.KeptEventsConverter;
import org.asylumcasetracker.platform.persistence.OrganizationScope;
import org.asylumcasetracker.support.Mother;
import org.asylumcasetracker.support.Organizations;
import org.asylumcasetracker.support.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Migration V43 fills, for filings written before it, what the fold now keeps in the filing's row: the events the
 * work-permit clock and the fees read, and the latest day of an event in effect. The migration's own statements,
 * run again over filings the service wrote (with their columns emptied first), must give what the service wrote.
 */
@QuarkusTest
class KeptEventsMigrationTest {

    private static final String MIGRATION = "/db/migration/V43__kept_events_and_latest_event_day.sql";
    private static final KeptEventsConverter KEPT = new KeptEventsConverter();

    @Inject
    AgroalDataSource dataSource;

    record Row(List<KeptEvent> kept, LocalDate latest) {}

    @Test
    void theBackfillGivesWhatTheFoldKeeps() throws Exception {
        Organizations.ensureDemoTenants();
        String mother = Mother.createClient(TestTokens.ALICE);
        String son = Mother.createClient(TestTokens.ALICE);
        Map<String, Object> application = Mother.uscisFiling(mother, "MAIL", 300);
        application.put("familyMemberIds", List.of(son));
        String family = Mother.createFiling(TestTokens.ALICE, application);
        post(family, event("RECEIPT_RECEIVED", daysAgo(280), "receiptNumber", "IOE0912345678"));
        post(family, event("RECEIPT_RECEIVED", daysAgo(280), "receiptNumber", "IOE0912345679", "clientId", son));
        for (String person : List.of(mother, son)) {
            post(
                    family,
                    event(
                            "BIOMETRICS_NOTICE_RECEIVED",
                            daysAgo(250),
                            "appointmentAt",
                            morning(-230),
                            "location",
                            Mother.ASC_LOCATION,
                            "clientId",
                            person));
        }
        post(family, event("BIOMETRICS_COMPLETED", daysAgo(230), "stampedNoticeKept", true));
        post(family, event("BIOMETRICS_MISSED", daysAgo(230), "clientId", son));
        post(family, event("FEE_NOTICE_RECEIVED", daysAgo(40), "amount", 100, "dueOn", daysAgo(10)));
        post(family, event("FEE_PAID", daysAgo(20), "amount", 100));
        String retracted = post(family, event("FEE_PAID", daysAgo(5), "amount", 100));
        as(TestTokens.BOB)
                .post("/api/v1/filings/" + family + "/events/" + retracted + "/retraction")
                .then()
                .statusCode(200);
        post(family, event("CONTACT_LOGGED", daysAgo(3), "channel", "USCIS_CONTACT_CENTER", "note", "called"));
        String untouched = Mother.createFiling(TestTokens.ALICE, Mother.uscisFiling(mother, "ONLINE", 20));

        List<UUID> filings = List.of(UUID.fromString(family), UUID.fromString(untouched));
        Map<UUID, Row> written = OrganizationScope.acrossOrganizations(() -> {
            try (Connection db = dataSource.getConnection()) {
                return rows(db, filings);
            }
        });
        Row familyRow = written.get(filings.get(0));
        assertEquals(
                List.of(
                        EventType.BIOMETRICS_COMPLETED,
                        EventType.BIOMETRICS_MISSED,
                        EventType.FEE_NOTICE_RECEIVED,
                        EventType.FEE_PAID),
                familyRow.kept().stream().map(KeptEvent::type).toList(),
                "the fold keeps the clock's and the fees' events in effect, the retracted payment left out");
        assertEquals(UUID.fromString(son), familyRow.kept().get(1).person(), "the son's missed appointment");
        assertEquals(LocalDate.parse(daysAgo(3)), familyRow.latest());
        assertEquals(new Row(List.of(), null), written.get(filings.get(1)));

        // one transaction, rolled back: the other tests' filings are left as they were
        Map<UUID, Row> backfilled = OrganizationScope.acrossOrganizations(() -> {
            try (Connection db = dataSource.getConnection()) {
                db.setAutoCommit(false);
                try (PreparedStatement empty = db.prepareStatement(
                                "update filing set kept_events = '[]', latest_event_on = null where id = any (?)");
                        Statement statement = db.createStatement()) {
                    empty.setArray(1, db.createArrayOf("uuid", filings.toArray()));
                    assertEquals(2, empty.executeUpdate());
                    for (String update : updates()) {
                        statement.executeUpdate(update);
                    }
                    return rows(db, filings);
                } finally {
                    db.rollback();
                    db.setAutoCommit(true);
                }
            }
        });
        assertEquals(written, backfilled);
    }

    private static String post(String filing, Map<String, Object> event) {
        return as(TestTokens.ALICE)
                .body(event)
                .post("/api/v1/filings/" + filing + "/events")
                .then()
                .statusCode(201)
                .extract()
                .path("event.id");
    }

    private static Map<UUID, Row> rows(Connection db, List<UUID> filings) throws SQLException {
        Map<UUID, Row> rows = new LinkedHashMap<>();
        try (PreparedStatement select =
                db.prepareStatement("select kept_events, latest_event_on from filing where id = ?")) {
            for (UUID id : filings) {
                select.setObject(1, id);
                try (ResultSet row = select.executeQuery()) {
                    assertTrue(row.next());
                    rows.put(
                            id,
                            new Row(
                                    KEPT.convertToEntityAttribute(row.getString(1)),
                                    row.getObject(2, LocalDate.class)));
                }
            }
        }
        return rows;
    }

    /** The migration's statements that fill the new columns (the columns themselves exist already). */
    private static List<String> updates() throws IOException {
        try (InputStream in = KeptEventsMigrationTest.class.getResourceAsStream(MIGRATION)) {
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(line -> !line.startsWith("--"))
                    .collect(Collectors.joining("\n"));
            List<String> updates = Arrays.stream(sql.split(";"))
                    .map(String::strip)
                    .filter(statement -> statement.startsWith("update"))
                    .toList();
            assertEquals(2, updates.size(), sql);
            return updates;
        }
    }
}
