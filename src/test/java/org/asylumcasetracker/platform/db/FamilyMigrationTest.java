package org.asylumcasetracker.platform.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.asylumcasetracker.alert.AlertRules;
import org.asylumcasetracker.alert.FilingFacts;
import org.asylumcasetracker.filing.Alert;
import org.asylumcasetracker.filing.Channel;
import org.asylumcasetracker.filing.DeliveredVia;
import org.asylumcasetracker.filing.Hearing;
import org.asylumcasetracker.filing.HearingKind;
import org.asylumcasetracker.filing.HearingsConverter;
import org.asylumcasetracker.filing.MembersConverter;
import org.asylumcasetracker.filing.PersonProgress;
import org.asylumcasetracker.filing.Stage;
import org.asylumcasetracker.filing.Venue;
import org.asylumcasetracker.organization.OrganizationSettings;
import org.eclipse.microprofile.config.ConfigProvider;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * Filings written in the schema before people and hearings were folded from events (the last version before
 * them), migrated to the current schema: each filing's principal raises exactly the alerts the filing raised before,
 * on every day asked, the hearings the events set are on the filing, and a family member starts where the filing
 * started.
 */
@QuarkusTest
class FamilyMigrationTest {

    private static final String LAST_VERSION_BEFORE = "24";
    private static final ZoneId ZONE = ZoneId.of("America/New_York");
    private static final LocalDate TODAY = LocalDate.now(ZONE);
    private static final OrganizationSettings SETTINGS = new OrganizationSettings();

    @Inject
    AgroalDataSource dataSource;

    /** One v1 filing: its columns as v1 wrote them, and its events as (type, day, stage before, hearing). */
    record V1Filing(
            UUID id, UUID client, boolean clientHasPrimaryId, Map<String, Object> columns, List<Object[]> events) {}

    @Test
    void everyFilingsPrincipalKeepsItsAlertsAndItsHearings() throws SQLException {
        String database = "migration_check_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        // The check runs as the embedded server's superuser: it creates a database of its own, and it reads every
        // organization's rows before and after the migrations, which row-level security would hide from the
        // service's role.
        String appUrl = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
        String user = "postgres";
        String password = "postgres";
        try (Connection admin = DriverManager.getConnection(appUrl, user, password);
                Statement statement = admin.createStatement()) {
            statement.execute("create database " + database);
        }
        String url = appUrl.replaceFirst("/[^/?]+(\\?|$)", "/" + database + "$1");
        Flyway.configure()
                .dataSource(url, user, password)
                .locations("classpath:db/migration")
                .target(LAST_VERSION_BEFORE)
                .load()
                .migrate();

        List<V1Filing> filings;
        UUID member = UUID.randomUUID();
        try (Connection db = DriverManager.getConnection(url, user, password)) {
            filings = writeV1Data(db, member);
        }
        Map<UUID, List<String>> before = new LinkedHashMap<>();
        for (V1Filing filing : filings) {
            before.put(filing.id(), alertsOverTime(v1Facts(filing)));
        }

        Flyway.configure()
                .dataSource(url, user, password)
                .locations("classpath:db/migration")
                .load()
                .migrate();

        int compared = 0;
        try (Connection db = DriverManager.getConnection(url, user, password)) {
            for (V1Filing filing : filings) {
                FilingFacts principal = migratedPrincipalFacts(db, filing);
                assertEquals(
                        before.get(filing.id()), alertsOverTime(principal), "alerts of filing " + filing.columns());
                compared += before.get(filing.id()).size();
            }
            // the continued hearing is replaced, the one set for it is kept
            List<Hearing> hearings =
                    new HearingsConverter().convertToEntityAttribute(text(db, filings.get(2), "hearings"));
            assertEquals(1, hearings.size());
            assertEquals(HearingKind.INDIVIDUAL, hearings.get(0).kind());
            assertEquals(TODAY.minusDays(10), hearings.get(0).scheduledOn());
            assertEquals("AUTOMATIC", text(db, filings.get(3), "court_process"));
            // the family member had no progress of their own in v1: they start where the filing started
            List<PersonProgress> members =
                    new MembersConverter().convertToEntityAttribute(text(db, filings.get(7), "members"));
            assertEquals(
                    List.of(member),
                    members.stream().map(PersonProgress::clientId).toList());
            assertEquals(Stage.AWAITING_RECEIPT, members.get(0).stage());
            assertEquals("AWAITING_RECEIPT", text(db, filings.get(7), "stage"));
            assertEquals("BIOMETRICS_SCHEDULED", text(db, filings.get(7), "principal_stage"));
        }
        assertTrue(compared > 100, "the v1 filings raise alerts to compare, got " + compared);
        try (Connection admin = DriverManager.getConnection(appUrl, user, password);
                Statement statement = admin.createStatement()) {
            statement.execute("drop database " + database);
        }
    }

    private static List<V1Filing> writeV1Data(Connection db, UUID member) throws SQLException {
        String org = "mig";
        OffsetDateTime now = OffsetDateTime.now(ZONE);
        try (PreparedStatement s = db.prepareStatement("insert into organization (id, name, time_zone, created_at,"
                + " created_by, updated_at, updated_by) values (?, 'Migration Clinic', ?, ?, 'test', ?, 'test')")) {
            s.setString(1, org);
            s.setString(2, ZONE.getId());
            s.setObject(3, now);
            s.setObject(4, now);
            s.executeUpdate();
        }
        UUID withId = client(db, org, UUID.randomUUID(), "PASSPORT");
        UUID withoutId = client(db, org, UUID.randomUUID(), "BIRTH_CERTIFICATE");
        client(db, org, member, "PASSPORT");
        List<V1Filing> filings = new ArrayList<>();

        // 0: filed by mail four months ago, no receipt
        filings.add(filing(db, org, withId, true, cols("USCIS", "MAIL", 120, "AWAITING_RECEIPT"), List.of()));
        // 1: court, package not mailed, individual hearing entered on the filing
        Map<String, Object> court = cols("IMMIGRATION_COURT", null, 30, "AWAITING_USCIS_PACKAGE");
        court.put("individual_hearing_at", at(40));
        filings.add(filing(db, org, withId, true, court, List.of()));
        // 2: court, package, receipt, a hearing continued, an appointment three weeks ago, a client without ID
        Map<String, Object> scheduled = cols("IMMIGRATION_COURT", null, 200, "BIOMETRICS_SCHEDULED");
        scheduled.put("package_mailed_on", day(190));
        scheduled.put("receipt_received_on", day(150));
        scheduled.put("biometrics_clock_start_on", day(150));
        scheduled.put("notice_received_on", day(40));
        scheduled.put("appointment_at", at(-21));
        scheduled.put("delivered_via", "MAIL");
        scheduled.put("individual_hearing_at", at(50));
        filings.add(filing(
                db,
                org,
                withoutId,
                false,
                scheduled,
                List.of(
                        new Object[] {"USCIS_PACKAGE_MAILED", 190, "AWAITING_USCIS_PACKAGE", null},
                        new Object[] {"RECEIPT_RECEIVED", 150, "AWAITING_RECEIPT", null},
                        new Object[] {"HEARING_SCHEDULED", 100, "AWAITING_BIOMETRICS_NOTICE", at(30)},
                        new Object[] {"BIOMETRICS_NOTICE_RECEIVED", 40, "AWAITING_BIOMETRICS_NOTICE", null},
                        new Object[] {"HEARING_SCHEDULED", 10, "BIOMETRICS_SCHEDULED", at(50)})));
        // 3: court under the automatic process, waiting for the notice since filing
        Map<String, Object> automatic = cols("IMMIGRATION_COURT", null, 100, "AWAITING_BIOMETRICS_NOTICE");
        automatic.put("biometrics_clock_start_on", day(100));
        filings.add(filing(db, org, withId, true, automatic, List.of()));
        // 4: online, missed a month ago
        Map<String, Object> missed = cols("USCIS", "ONLINE", 160, "BIOMETRICS_MISSED");
        missed.put("receipt_received_on", day(100));
        missed.put("biometrics_clock_start_on", day(100));
        missed.put("notice_received_on", day(60));
        missed.put("appointment_at", at(-30));
        missed.put("delivered_via", "ONLINE_ACCOUNT");
        missed.put("missed_on", day(30));
        List<Object[]> receiptOnly = new ArrayList<>();
        receiptOnly.add(new Object[] {"RECEIPT_RECEIVED", 100, "AWAITING_RECEIPT", null});
        filings.add(filing(db, org, withId, true, missed, receiptOnly));
        // 5: completed without the stamped notice
        Map<String, Object> completed = cols("USCIS", "MAIL", 200, "BIOMETRICS_COMPLETED");
        completed.put("receipt_received_on", day(150));
        completed.put("completed_on", day(5));
        completed.put("stamped_notice_kept", false);
        filings.add(filing(db, org, withId, true, completed, List.of()));
        // 6: closed
        Map<String, Object> closed = cols("USCIS", "MAIL", 400, "CLOSED");
        closed.put("outcome", "GRANTED");
        closed.put("closed_on", day(10));
        filings.add(filing(db, org, withId, true, closed, List.of()));
        // 7: a family whose principal has an appointment next week; v1 tracked only the principal
        Map<String, Object> family = cols("USCIS", "MAIL", 170, "BIOMETRICS_SCHEDULED");
        family.put("family_member_ids", member.toString());
        family.put("receipt_received_on", day(120));
        family.put("biometrics_clock_start_on", day(120));
        family.put("notice_received_on", day(20));
        family.put("appointment_at", at(6));
        family.put("delivered_via", "MAIL");
        filings.add(filing(db, org, withId, true, family, List.of()));
        return filings;
    }

    private static Map<String, Object> cols(String venue, String channel, int filedDaysAgo, String stage) {
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("venue", venue);
        columns.put("channel", channel);
        columns.put("filed_on", day(filedDaysAgo));
        columns.put("stage", stage);
        return columns;
    }

    private static UUID client(Connection db, String org, UUID id, String documents) throws SQLException {
        try (PreparedStatement s = db.prepareStatement("insert into client (id, organization_id, first_name, last_name,"
                + " identity_documents, created_at, created_by, updated_at, updated_by)"
                + " values (?, ?, 'Test', 'Person', ?, now(), 'test', now(), 'test')")) {
            s.setObject(1, id);
            s.setString(2, org);
            s.setString(3, documents);
            s.executeUpdate();
        }
        return id;
    }

    private static V1Filing filing(
            Connection db,
            String org,
            UUID client,
            boolean clientHasPrimaryId,
            Map<String, Object> columns,
            List<Object[]> events)
            throws SQLException {
        UUID id = UUID.randomUUID();
        Map<String, Object> row = new LinkedHashMap<>(columns);
        row.put("id", id);
        row.put("organization_id", org);
        row.put("client_id", client);
        row.put("event_count", events.size());
        StringBuilder names = new StringBuilder();
        StringBuilder marks = new StringBuilder();
        for (String column : row.keySet()) {
            names.append(column).append(", ");
            marks.append("?, ");
        }
        try (PreparedStatement s = db.prepareStatement(
                "insert into filing (" + names + "created_at, created_by, updated_at, updated_by) values (" + marks
                        + "now(), 'test', now(), 'test')")) {
            int i = 1;
            for (Object value : row.values()) {
                s.setObject(i++, value);
            }
            s.executeUpdate();
        }
        int sequence = 0;
        for (Object[] e : events) {
            sequence++;
            try (PreparedStatement s = db.prepareStatement("insert into filing_event (id, filing_id, organization_id,"
                    + " sequence, type, occurred_on, hearing_at, hearing_kind, stage_before, stage_after,"
                    + " progress_before, recorded_by, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '{}', 'test',"
                    + " now())")) {
                s.setObject(1, UUID.randomUUID());
                s.setObject(2, id);
                s.setString(3, org);
                s.setInt(4, sequence);
                s.setString(5, (String) e[0]);
                s.setObject(6, day((Integer) e[1]));
                s.setObject(7, e[3]);
                s.setString(8, e[3] == null ? null : "INDIVIDUAL");
                s.setString(9, (String) e[2]);
                s.setString(10, (String) e[2]);
                s.executeUpdate();
            }
        }
        return new V1Filing(id, client, clientHasPrimaryId, columns, events);
    }

    /** What the filing's rules read in v1: the filing was one person, the principal. */
    private static FilingFacts v1Facts(V1Filing f) {
        Map<String, Object> c = f.columns();
        return facts(
                f,
                Stage.valueOf((String) c.get("stage")),
                (LocalDate) c.get("package_mailed_on"),
                (LocalDate) c.get("receipt_received_on"),
                (LocalDate) c.get("biometrics_clock_start_on"),
                (LocalDate) c.get("notice_received_on"),
                (OffsetDateTime) c.get("appointment_at"),
                (String) c.get("delivered_via"),
                (LocalDate) c.get("missed_on"),
                (LocalDate) c.get("completed_on"),
                (Boolean) c.get("stamped_notice_kept"),
                (OffsetDateTime) c.get("individual_hearing_at"));
    }

    private static FilingFacts migratedPrincipalFacts(Connection db, V1Filing f) throws SQLException {
        try (PreparedStatement s = db.prepareStatement("select principal_stage, package_mailed_on, receipt_received_on,"
                + " biometrics_clock_start_on, notice_received_on, appointment_at, delivered_via, missed_on,"
                + " completed_on, stamped_notice_kept, coalesce(individual_hearing_at, entered_individual_hearing_at)"
                + " from filing where id = ?")) {
            s.setObject(1, f.id());
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return facts(
                        f,
                        Stage.valueOf(r.getString(1)),
                        date(r, 2),
                        date(r, 3),
                        date(r, 4),
                        date(r, 5),
                        moment(r, 6),
                        r.getString(7),
                        date(r, 8),
                        date(r, 9),
                        (Boolean) r.getObject(10),
                        moment(r, 11));
            }
        }
    }

    @SuppressWarnings("java:S107")
    private static FilingFacts facts(
            V1Filing f,
            Stage stage,
            LocalDate packageMailedOn,
            LocalDate receiptReceivedOn,
            LocalDate clockStart,
            LocalDate noticeReceivedOn,
            OffsetDateTime appointmentAt,
            String deliveredVia,
            LocalDate missedOn,
            LocalDate completedOn,
            Boolean stampedNoticeKept,
            OffsetDateTime individualHearingAt) {
        Map<String, Object> c = f.columns();
        String channel = (String) c.get("channel");
        return new FilingFacts(
                f.id(),
                f.client(),
                Venue.valueOf((String) c.get("venue")),
                channel == null ? null : Channel.valueOf(channel),
                stage,
                (LocalDate) c.get("filed_on"),
                packageMailedOn,
                receiptReceivedOn,
                clockStart,
                noticeReceivedOn,
                appointmentAt,
                deliveredVia == null ? null : DeliveredVia.valueOf(deliveredVia),
                missedOn,
                completedOn,
                stampedNoticeKept,
                individualHearingAt,
                false,
                f.clientHasPrimaryId(),
                false,
                null,
                List.of(),
                List.of(),
                true);
    }

    /** The alerts raised on every fifth day from a year and a half ago to a year ahead. */
    private static List<String> alertsOverTime(FilingFacts facts) {
        List<String> alerts = new ArrayList<>();
        for (LocalDate asOf = TODAY.minusDays(540); asOf.isBefore(TODAY.plusDays(365)); asOf = asOf.plusDays(5)) {
            for (Alert a : AlertRules.evaluate(facts, SETTINGS, ZONE, asOf)) {
                alerts.add(asOf + " " + a.code() + " " + a.clientId() + " " + a.dueOn() + " " + a.summary());
            }
        }
        return alerts;
    }

    private static String text(Connection db, V1Filing f, String column) throws SQLException {
        try (PreparedStatement s = db.prepareStatement("select " + column + " from filing where id = ?")) {
            s.setObject(1, f.id());
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getString(1);
            }
        }
    }

    private static LocalDate date(ResultSet r, int column) throws SQLException {
        Date value = r.getDate(column);
        return value == null ? null : value.toLocalDate();
    }

    private static OffsetDateTime moment(ResultSet r, int column) throws SQLException {
        Timestamp value = r.getTimestamp(column);
        return value == null ? null : value.toInstant().atZone(ZONE).toOffsetDateTime();
    }

    private static LocalDate day(int daysAgo) {
        return TODAY.minusDays(daysAgo);
    }

    private static OffsetDateTime at(int daysAhead) {
        return TODAY.plusDays(daysAhead).atTime(9, 0).atZone(ZONE).toOffsetDateTime();
    }
}
