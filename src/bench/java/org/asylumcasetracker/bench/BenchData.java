package org.asylumcasetracker.bench;

import java.io.StringReader;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import org.asylumcasetracker.alert.AlertHistory;
import org.asylumcasetracker.alert.AlertRules;
import org.asylumcasetracker.alert.AlertWindow;
import org.asylumcasetracker.alert.ClientAlertRules;
import org.asylumcasetracker.alert.ClientFacts;
import org.asylumcasetracker.client.IdentityDocument;
import org.asylumcasetracker.client.IdentityDocumentsConverter;
import org.asylumcasetracker.client.OneYearDeadline;
import org.asylumcasetracker.filing.AddressForm;
import org.asylumcasetracker.filing.Channel;
import org.asylumcasetracker.filing.ContactChannel;
import org.asylumcasetracker.filing.EventDetails;
import org.asylumcasetracker.filing.EventType;
import org.asylumcasetracker.filing.Filing;
import org.asylumcasetracker.filing.FilingEvent;
import org.asylumcasetracker.filing.HearingKind;
import org.asylumcasetracker.filing.HearingsConverter;
import org.asylumcasetracker.filing.KeptEventsConverter;
import org.asylumcasetracker.filing.MembersConverter;
import org.asylumcasetracker.filing.Outcome;
import org.asylumcasetracker.filing.Progress;
import org.asylumcasetracker.filing.RescheduleVia;
import org.asylumcasetracker.filing.Stage;
import org.asylumcasetracker.filing.Venue;
import org.asylumcasetracker.organization.CourtBiometricsProcess;
import org.asylumcasetracker.organization.OrganizationSettings;
import org.asylumcasetracker.platform.problem.DomainException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Loads the benchmark data set into a database whose schema Flyway has created: organizations of
 * {@value #FILINGS_PER_ORG} filings each, every filing with its own client (about a third with one to three family
 * members, clients of their own), the events that brought each person to their stage, and the alert windows.
 *
 * <p>Filings are opened and moved through their stages with the domain's own methods ({@link Filing#open},
 * {@code recordReceipt}, {@code recordBiometricsNotice}, ...), so the state machine refuses here whatever it
 * would refuse in the service, and the filing row keeps the progress the service would keep. The
 * alert windows are {@link AlertHistory#windows} of the filing's people (from {@link AlertRules}) with the organization's (default)
 * settings and time zone, which is exactly what {@code AlertWindowStore} stores.
 *
 * <p>Usage: {@code BenchData <jdbc-url> <user> <password> <first-org> <end-org> <out-dir>} loads organizations
 * {@code bench-<first-org>} up to, not including, {@code bench-<end-org>}. Rows go in with COPY, one organization
 * per transaction. Ids are derived from a counter ({@code md5('filing-' || n)::uuid}), so pgbench can address
 * the same rows as the HTTP scenarios; the ids of {@code bench-000}, the organization the scenarios use, are
 * written to {@code out-dir}. Names, numbers and addresses are generated and belong to nobody.
 */
public final class BenchData {

    static final int FILINGS_PER_ORG = 10_000;
    static final int CASEWORKERS_PER_ORG = 20;
    static final String LOADER = "bench-loader";

    private static final String[] ZONES = {
        "America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles", "America/Phoenix"
    };
    private static final String[] SYLLABLES = {
        "ka", "lo", "mi", "ra", "te", "su", "no", "vi", "da", "ze", "ro", "na", "li", "pe", "ta", "fi", "mo", "sa",
        "be", "yu", "ga", "ho", "ne", "ri"
    };
    private static final String[] LANGUAGES = {
        "Spanish",
        "Haitian Creole",
        "French",
        "Portuguese",
        "Arabic",
        "Russian",
        "Mandarin",
        "Pashto",
        "Tigrinya",
        "English"
    };
    private static final String[] CITIES = {"Newark", "Queens", "Brooklyn", "Elizabeth", "Paterson", "Yonkers"};
    private static final String[] COURTS = {
        "New York Broadway Immigration Court", "Newark Immigration Court", "Elizabeth Immigration Court"
    };
    /** The asylum fees began with Pub. L. 119-21 (USCIS notice of 22 July 2025). */
    private static final LocalDate FEES_BEGAN = LocalDate.of(2025, 7, 22);

    private static final BigDecimal FEE = new BigDecimal("100.00");
    private static final String[] RECEIPT_PREFIXES = {"IOE", "ZLA", "EAC", "WAC", "SRC", "LIN", "NBC", "MSC"};
    private static final String ORG_COLUMNS = "(id, name, time_zone, created_at, created_by, updated_at, updated_by)";
    private static final String CLIENT_COPY = "copy client (id, organization_id, external_ref, first_name, last_name,"
            + " date_of_birth, a_number, preferred_language, phone, email, address_line1, address_line2, address_city,"
            + " address_state, address_postal_code, last_arrival_on, identity_documents, caseworker, version,"
            + " created_at, created_by, updated_at, updated_by, moved_on) from stdin";
    private static final String FILING_COPY = "copy filing (id, organization_id, client_id, external_ref, venue,"
            + " channel, filed_on, court_name, family_member_ids, stage, package_mailed_on, tracking_number,"
            + " receipt_number, receipt_received_on, biometrics_clock_start_on, notice_received_on, appointment_at,"
            + " appointment_location, delivered_via, reschedule_count, stamped_notice_kept, missed_on, completed_on,"
            + " individual_hearing_at, hearings, court_process, principal_stage, members, biometrics_reused_on,"
            + " work_permit_filed_on, outcome, closed_on, kept_events, event_count, latest_event_on,"
            + " version, created_at,"
            + " created_by, updated_at, updated_by) from stdin";
    private static final String EVENT_COPY = "copy filing_event (id, filing_id, organization_id, sequence, type,"
            + " occurred_on, client_id, tracking_number, receipt_number, appointment_at, location, delivered_via, reschedule_via,"
            + " requested_at, reason, stamped_notice_kept, hearing_at, hearing_kind, contact_channel, note, outcome,"
            + " stage_before, stage_after, recorded_by, recorded_at, retracted_by, retracted_at, fee_amount, fee_due_on,"
            + " address_form, address_client_id) from stdin";
    private static final HearingsConverter HEARINGS = new HearingsConverter();
    private static final MembersConverter MEMBERS = new MembersConverter();
    private static final KeptEventsConverter KEPT = new KeptEventsConverter();
    private static final String WINDOW_COPY = "copy alert_window (filing_id, code, organization_id, client_id,"
            + " severity_rank, due_on, ends_on, venue, caseworker, raised_on, duty) from stdin";

    private static final Field FILING_ID = filingIdField();
    private static final IdentityDocumentsConverter DOCUMENTS = new IdentityDocumentsConverter();
    /** The thresholds every bench organization has: the product's defaults, as the organization table stores them. */
    private static final OrganizationSettings SETTINGS = new OrganizationSettings();

    private BenchData() {}

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int firstOrg = Integer.parseInt(args[3]);
        int endOrg = Integer.parseInt(args[4]);
        Path out = Path.of(args[5]);
        Files.createDirectories(out);
        long started = System.nanoTime();
        Counts total = new Counts();
        try (Connection db = DriverManager.getConnection(url, args[1], args[2])) {
            skipForeignKeyChecks(db);
            db.setAutoCommit(false);
            CopyManager copy = db.unwrap(PGConnection.class).getCopyAPI();
            for (int org = firstOrg; org < endOrg; org++) {
                OrgData data = generate(org);
                insertOrganization(db, data);
                copy.copyIn(CLIENT_COPY, new StringReader(data.clients.toString()));
                copy.copyIn(FILING_COPY, new StringReader(data.filings.toString()));
                insertFilingPeople(db, data.id);
                copy.copyIn(EVENT_COPY, new StringReader(data.events.toString()));
                copy.copyIn(WINDOW_COPY, new StringReader(data.windows.toString()));
                db.commit();
                total.add(data.counts);
                if (org == 0) {
                    Files.write(out.resolve("filing-ids.txt"), data.filingIds, StandardCharsets.US_ASCII);
                    Files.write(out.resolve("open-filing-ids.txt"), data.openFilingIds, StandardCharsets.US_ASCII);
                    Files.writeString(out.resolve("bench-000-stages.txt"), data.counts.stages.toString());
                }
                if ((org - firstOrg + 1) % 10 == 0 || org == endOrg - 1) {
                    System.out.printf(
                            "  loaded %s: %,d filings, %,d events, %,d alert windows so far (%.0f s)%n",
                            orgId(org),
                            total.filings,
                            total.events,
                            total.windows,
                            (System.nanoTime() - started) / 1e9);
                }
            }
        }
    }

    /**
     * The rows are generated consistent (every client, filing and organization they point to is in the same
     * transaction), so the per-row foreign-key triggers are skipped, which makes COPY several times faster.
     * This needs a superuser; with another user the checks simply run.
     */
    private static void skipForeignKeyChecks(Connection db) {
        try (Statement statement = db.createStatement()) {
            statement.execute("set session_replication_role = replica");
        } catch (SQLException e) {
            System.out.println("  (foreign-key checks stay on during the load: " + e.getMessage() + ")");
        }
    }

    /**
     * The people on each filing, as the trigger on filing writes them when a filing is inserted; the replica mode
     * above skips triggers (with another user they run, and this adds nothing).
     */
    private static void insertFilingPeople(Connection db, String organizationId) throws SQLException {
        try (PreparedStatement insert =
                db.prepareStatement("insert into filing_person (filing_id, client_id, organization_id, principal)"
                        + " select f.id, f.client_id, f.organization_id, true from filing f where f.organization_id = ?"
                        + " union all select f.id, cast(m.id as uuid), f.organization_id, false from filing f"
                        + " cross join lateral unnest(string_to_array(f.family_member_ids, ',')) as m(id)"
                        + " where f.organization_id = ? and f.family_member_ids <> '' on conflict do nothing")) {
            insert.setString(1, organizationId);
            insert.setString(2, organizationId);
            insert.executeUpdate();
        }
    }

    private static void insertOrganization(Connection db, OrgData data) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement(
                "insert into organization " + ORG_COLUMNS + " values (?, ?, ?, now(), ?, now(), ?)")) {
            insert.setString(1, data.id);
            insert.setString(2, "Bench Legal Aid " + data.id.substring("bench-".length()));
            insert.setString(3, data.zone.getId());
            insert.setString(4, LOADER);
            insert.setString(5, LOADER);
            insert.executeUpdate();
        }
    }

    static String orgId(int org) {
        return String.format("bench-%03d", org);
    }

    /** An id that SQL can compute too: {@code md5(text)::uuid}. */
    static UUID md5Uuid(String text) {
        try {
            ByteBuffer digest =
                    ByteBuffer.wrap(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
            return new UUID(digest.getLong(), digest.getLong());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Everything one organization adds, as COPY text per table. */
    private static final class OrgData {
        final String id;
        final ZoneId zone;
        final StringBuilder clients = new StringBuilder(4 << 20);
        final StringBuilder filings = new StringBuilder(4 << 20);
        final StringBuilder events = new StringBuilder(16 << 20);
        final StringBuilder windows = new StringBuilder(2 << 20);
        final List<String> filingIds = new ArrayList<>();
        final List<String> openFilingIds = new ArrayList<>();
        final Counts counts = new Counts();

        OrgData(String id, ZoneId zone) {
            this.id = id;
            this.zone = zone;
        }
    }

    private static final class Counts {
        long filings;
        long events;
        long windows;
        final Map<Stage, Integer> stages = new EnumMap<>(Stage.class);

        void add(Counts other) {
            filings += other.filings;
            events += other.events;
            windows += other.windows;
        }
    }

    private static OrgData generate(int org) {
        // The first organization, the one the scenarios use, works in New York time (the event POSTs say "today"
        // there); the others are spread over US time zones.
        ZoneId zone = ZoneId.of(ZONES[org % ZONES.length]);
        OrgData data = new OrgData(orgId(org), zone);
        SplittableRandom random = new SplittableRandom(7919L * org + 17);
        LocalDate today = LocalDate.now(zone);
        for (int n = 0; n < FILINGS_PER_ORG; n++) {
            long global = (long) org * FILINGS_PER_ORG + n;
            new FilingGenerator(data, random, today, global, n).generate();
        }
        return data;
    }

    /** One client and one filing, walked forward from its filing date to today by chance. */
    private static final class FilingGenerator {
        private final OrgData data;
        private final SplittableRandom random;
        private final LocalDate today;
        private final long global;
        private final int number;
        private final List<FilingEvent> events = new ArrayList<>();
        private String caseworker;
        private LocalDate arrivedOn;
        private LocalDate movedOn;
        private Filing filing;
        /** Whom the events being generated are about: {@code null} for the principal, else a family member. */
        private UUID person;

        FilingGenerator(OrgData data, SplittableRandom random, LocalDate today, long global, int number) {
            this.data = data;
            this.random = random;
            this.today = today;
            this.global = global;
            this.number = number;
        }

        void generate() {
            UUID clientId = md5Uuid("client-" + global);
            UUID filingId = md5Uuid("filing-" + global);
            caseworker = String.format("caseworker-%02d", 1 + random.nextInt(CASEWORKERS_PER_ORG));
            LocalDate filedOn = today.minusDays(random.nextInt(3 * 365));
            // most apply within the year after their last arrival, some after it (the one-year deadline passed)
            arrivedOn = filedOn.minusDays(30 + random.nextInt(chance(0.85) ? 300 : 700));
            // a few principals moved since they applied
            movedOn = chance(0.04) ? between(filedOn, today) : null;
            Map<UUID, Boolean> hasPrimaryId = new HashMap<>();
            hasPrimaryId.put(clientId, writeClient(clientId, "CL-" + number, movedOn));
            List<UUID> family = new ArrayList<>();
            if (chance(1.0 / 3)) {
                for (int i = 1, size = 1 + random.nextInt(3); i <= size; i++) {
                    UUID member = md5Uuid("member-" + global + "-" + i);
                    hasPrimaryId.put(member, writeClient(member, "CL-" + number + "-" + i, null));
                    family.add(member);
                }
            }

            Venue venue = chance(0.7) ? Venue.USCIS : Venue.IMMIGRATION_COURT;
            Channel channel = venue == Venue.USCIS ? (chance(0.6) ? Channel.MAIL : Channel.ONLINE) : null;
            filing = Filing.open(data.id, clientId, venue, channel, filedOn, CourtBiometricsProcess.MAIL_PACKAGE);
            setId(filing, filingId);
            filing.describe(
                    "FL-" + number,
                    channel,
                    filedOn,
                    venue == Venue.IMMIGRATION_COURT ? pick(COURTS) : null,
                    null,
                    family);
            filing.refold(List.of(), data.zone);

            person = null;
            LocalDate lastDay = walkMainPath(filedOn);
            for (UUID member : family) {
                person = member;
                walkMainPath(filedOn);
            }
            person = null;
            addFees(filedOn);
            addMoveReports(clientId);
            addSideEvents(filedOn, lastDay);

            writeFiling(filedOn);
            for (FilingEvent event : events) {
                writeEvent(event);
            }
            writeWindows(AlertHistory.windows(filing, events, hasPrimaryId, SETTINGS, data.zone), filingId, venue);
            writeClientWindows(clientId, family);
            data.counts.filings++;
            data.counts.stages.merge(filing.getStage(), 1, Integer::sum);
            data.filingIds.add(filingId.toString());
            if (filing.getStage() != Stage.CLOSED) {
                data.openFilingIds.add(filingId.toString());
            }
        }

        private void writeWindows(List<AlertHistory.PersonWindow> windows, UUID filingId, Venue venue) {
            for (AlertHistory.PersonWindow personWindow : windows) {
                AlertWindow window = personWindow.window();
                row(
                        data.windows,
                        filingId,
                        window.code(),
                        data.id,
                        personWindow.clientId(),
                        window.code().severity().ordinal(),
                        window.dueOn(),
                        window.endsOn(),
                        venue,
                        caseworker,
                        personWindow.raisedOn(),
                        window.duty());
                data.counts.windows++;
            }
        }

        /** Package (court), receipt, biometrics notice, sometimes a reschedule, then the appointment's outcome. */
        private LocalDate walkMainPath(LocalDate filedOn) {
            LocalDate day = filedOn;
            if (filing.getVenue() == Venue.IMMIGRATION_COURT) {
                if (filing.person(person).stage() == Stage.AWAITING_USCIS_PACKAGE) {
                    day = later(day, 1, 30, 0.9);
                    if (day == null) {
                        return filedOn;
                    }
                    // one package covers everyone still waiting for one
                    events.add(filing.recordPackageMailed(on(day), "9400" + digits(18)));
                } else {
                    day = filing.person(person).packageMailedOn();
                }
            }
            LocalDate receipt = later(day, 14, 120, 0.85);
            if (receipt == null) {
                return day;
            }
            day = receipt;
            events.add(filing.recordReceipt(on(day), pick(RECEIPT_PREFIXES) + digits(10)));
            int notices = chance(0.08) ? 2 : 1;
            for (int i = 1; i <= notices; i++) {
                LocalDate notice = later(day, 14, 100, 0.85);
                if (notice == null) {
                    return day;
                }
                day = notice;
                LocalDate appointmentDay = day.plusDays(10 + random.nextInt(36));
                OffsetDateTime appointmentAt = appointmentDay
                        .atTime(8 + random.nextInt(8), 0)
                        .atZone(data.zone)
                        .toOffsetDateTime();
                events.add(filing.recordBiometricsNotice(
                        on(day), appointmentAt, "USCIS Application Support Center, " + pick(CITIES), null));
                if (i < notices) {
                    LocalDate requested =
                            day.plusDays(1 + random.nextInt((int) ChronoUnit.DAYS.between(day, appointmentDay) - 1));
                    if (requested.isAfter(today)) {
                        return day;
                    }
                    day = requested;
                    events.add(filing.requestReschedule(
                            on(day),
                            RescheduleVia.PHONE,
                            day.atTime(10, 0).atZone(data.zone).toOffsetDateTime(),
                            null,
                            SETTINGS.onlineRescheduleCutoffHours(),
                            SETTINGS.maxOnlineReschedules()));
                } else if (!appointmentDay.isAfter(today)) {
                    double outcome = random.nextDouble();
                    if (outcome < 0.8) {
                        events.add(filing.recordBiometricsCompleted(on(appointmentDay), chance(0.85)));
                    } else if (outcome < 0.9) {
                        events.add(filing.recordBiometricsMissed(on(appointmentDay)));
                    } // else nobody has recorded the outcome yet
                    day = appointmentDay;
                }
            }
            return day;
        }

        /** Hearings (court), a logged call, the work permit application and, for a few old filings, the end. */
        private void addSideEvents(LocalDate filedOn, LocalDate lastDay) {
            LocalDate day = lastDay;
            if (filing.getVenue() == Venue.IMMIGRATION_COURT && chance(0.4)) {
                day = between(day, today);
                OffsetDateTime hearingAt = day.plusDays(30 + random.nextInt(400))
                        .atTime(9, 0)
                        .atZone(data.zone)
                        .toOffsetDateTime();
                events.add(filing.scheduleHearing(on(day), hearingAt, HearingKind.INDIVIDUAL));
            }
            if (chance(0.15)) {
                day = between(day, today);
                events.add(filing.logContact(on(day), ContactChannel.USCIS_CONTACT_CENTER, null));
            }
            LocalDate eligible = filedOn.plusDays(SETTINGS.workPermitWaitDays());
            if (!eligible.isAfter(today) && chance(0.5)) {
                day = between(day.isAfter(eligible) ? day : eligible, today);
                events.add(filing.recordWorkPermitFiled(on(day)));
            }
            if (filedOn.isBefore(today.minusYears(1)) && chance(0.06)) {
                day = between(day, today);
                events.add(filing.close(on(day), Outcome.values()[random.nextInt(Outcome.values().length)]));
            }
        }

        private Filing.EventContext on(LocalDate day) {
            return new Filing.EventContext(
                            day, caseworker, day.atTime(17, 0).atZone(data.zone).toOffsetDateTime(), data.zone)
                    .about(person);
        }

        /** A day min..max days after {@code from}, if the step happened at all and not after today. */
        private LocalDate later(LocalDate from, int min, int max, double probability) {
            if (!chance(probability)) {
                return null;
            }
            LocalDate day = from.plusDays(min + random.nextInt(max - min + 1));
            return day.isAfter(today) ? null : day;
        }

        private LocalDate between(LocalDate from, LocalDate to) {
            long span = ChronoUnit.DAYS.between(from, to);
            return span <= 0 ? from : from.plusDays(random.nextLong(span + 1));
        }

        /**
         * A fee notice for about a third of the applications filed since the fees began, paid (mostly before its due
         * day) four times in five.
         */
        private void addFees(LocalDate filedOn) {
            if (filedOn.isBefore(FEES_BEGAN) || !chance(0.35)) {
                return;
            }
            LocalDate noticeOn = later(filedOn, 10, 60, 1.0);
            if (noticeOn == null) {
                return;
            }
            try {
                events.add(filing.recordFeeNotice(on(noticeOn), FEE, noticeOn.plusDays(30)));
                LocalDate paidOn = later(noticeOn, 1, 40, 0.8);
                if (paidOn != null) {
                    events.add(filing.recordFeePaid(on(paidOn), FEE));
                }
            } catch (DomainException refused) {
                // a closed filing takes no fee events
            }
        }

        /** A principal who moved reports it to USCIS (and, in court, to the court) three times in four. */
        private void addMoveReports(UUID clientId) {
            if (movedOn == null) {
                return;
            }
            try {
                LocalDate reported = later(movedOn, 0, 20, 0.75);
                if (reported != null) {
                    events.add(filing.recordAddressChangeReported(on(reported), AddressForm.AR_11, clientId));
                    if (filing.getVenue() == Venue.IMMIGRATION_COURT) {
                        events.add(filing.recordAddressChangeReported(on(reported), AddressForm.EOIR_33, clientId));
                    }
                }
            } catch (DomainException refused) {
                // a closed filing takes no more events
            }
        }

        /**
         * The people's own windows (the one-year deadline, moves to report), as the service derives them from the
         * client and the filing: on an open filing since it was filed, or on none once it is closed.
         */
        private void writeClientWindows(UUID clientId, List<UUID> family) {
            boolean open = filing.getStage() != Stage.CLOSED;
            LocalDate onFilingSince = open ? filing.getFiledOn() : null;
            LocalDate onCourtFilingSince = open && filing.getVenue() == Venue.IMMIGRATION_COURT ? onFilingSince : null;
            List<UUID> people = new ArrayList<>();
            people.add(clientId);
            people.addAll(family);
            for (UUID person : people) {
                boolean principal = person.equals(clientId);
                ClientFacts facts = new ClientFacts(
                        person,
                        OneYearDeadline.after(arrivedOn).orElse(null),
                        null,
                        onFilingSince,
                        onCourtFilingSince,
                        principal ? movedOn : null,
                        principal ? reportedOn(AddressForm.AR_11) : null,
                        principal ? reportedOn(AddressForm.EOIR_33) : null);
                for (AlertWindow window : ClientAlertRules.windows(facts, SETTINGS)) {
                    row(
                            data.windows,
                            null,
                            window.code(),
                            data.id,
                            person,
                            window.code().severity().ordinal(),
                            window.dueOn(),
                            window.endsOn(),
                            null,
                            caseworker,
                            window.dueOn(),
                            window.duty());
                    data.counts.windows++;
                }
            }
        }

        private LocalDate reportedOn(AddressForm form) {
            return events.stream()
                    .filter(e -> e.getType() == EventType.ADDRESS_CHANGE_REPORTED
                            && e.details().addressForm() == form)
                    .map(FilingEvent::getOccurredOn)
                    .findFirst()
                    .orElse(null);
        }

        private boolean writeClient(UUID clientId, String externalRef, LocalDate moved) {
            EnumSet<IdentityDocument> documents = EnumSet.noneOf(IdentityDocument.class);
            double d = random.nextDouble();
            if (d < 0.6) {
                documents.add(IdentityDocument.PASSPORT);
            } else if (d < 0.75) {
                documents.add(IdentityDocument.GOVERNMENT_ID);
            } else if (d < 0.85) {
                documents.add(IdentityDocument.BIRTH_CERTIFICATE);
            } else if (d < 0.92) {
                documents.add(IdentityDocument.EXPIRED_ID);
                documents.add(IdentityDocument.ID_COPY);
            }
            LocalDate born = today.minusYears(18 + random.nextInt(50)).minusDays(random.nextInt(365));
            OffsetDateTime created =
                    today.minusDays(3 * 365).atStartOfDay(data.zone).toOffsetDateTime();
            row(
                    data.clients,
                    clientId,
                    data.id,
                    externalRef,
                    name(2),
                    name(3),
                    born,
                    chance(0.7) ? "A" + digits(9) : null,
                    pick(LANGUAGES),
                    "555-01" + digits(2),
                    chance(0.5) ? "client" + global + "@example.org" : null,
                    (1 + random.nextInt(999)) + " Example Street",
                    null,
                    pick(CITIES),
                    "NJ",
                    "07" + digits(3),
                    arrivedOn,
                    DOCUMENTS.convertToDatabaseColumn(documents),
                    caseworker,
                    0,
                    created,
                    LOADER,
                    created,
                    LOADER,
                    moved);
            return documents.stream().anyMatch(IdentityDocument::isPrimary);
        }

        private void writeFiling(LocalDate filedOn) {
            Progress p = filing.progress();
            OffsetDateTime created = filedOn.atTime(12, 0).atZone(data.zone).toOffsetDateTime();
            OffsetDateTime updated =
                    events.isEmpty() ? created : events.get(events.size() - 1).getRecordedAt();
            String updatedBy = events.isEmpty()
                    ? caseworker
                    : events.get(events.size() - 1).getRecordedBy();
            row(
                    data.filings,
                    filing.getId(),
                    data.id,
                    filing.getClientId(),
                    filing.getExternalRef(),
                    filing.getVenue(),
                    filing.getChannel(),
                    filing.getFiledOn(),
                    filing.getCourtName(),
                    String.join(
                            ",",
                            filing.getFamilyMemberIds().stream()
                                    .map(UUID::toString)
                                    .toList()),
                    p.stage(),
                    p.packageMailedOn(),
                    p.trackingNumber(),
                    p.receiptNumber(),
                    p.receiptReceivedOn(),
                    p.biometricsClockStartOn(),
                    p.noticeReceivedOn(),
                    p.appointmentAt(),
                    p.appointmentLocation(),
                    p.deliveredVia(),
                    p.rescheduleCount(),
                    p.stampedNoticeKept(),
                    p.missedOn(),
                    p.completedOn(),
                    p.individualHearingAt(),
                    HEARINGS.convertToDatabaseColumn(p.hearings()),
                    filing.getCourtProcess(),
                    p.principalStage(),
                    MEMBERS.convertToDatabaseColumn(p.members()),
                    p.reusedOn(),
                    p.workPermitFiledOn(),
                    p.outcome(),
                    p.closedOn(),
                    KEPT.convertToDatabaseColumn(p.keptEvents()),
                    filing.getEventCount(),
                    filing.getLatestEventOn(),
                    // each recorded event bumps the version, as Hibernate's @Version does in the service
                    filing.getEventCount(),
                    created,
                    caseworker,
                    updated,
                    updatedBy);
        }

        private void writeEvent(FilingEvent e) {
            EventDetails d = e.details();
            row(
                    data.events,
                    e.getId(),
                    e.getFilingId(),
                    e.getOrganizationId(),
                    e.getSequence(),
                    e.getType(),
                    e.getOccurredOn(),
                    e.getClientId(),
                    d.trackingNumber(),
                    d.receiptNumber(),
                    d.appointmentAt(),
                    d.location(),
                    d.deliveredVia(),
                    d.via(),
                    d.requestedAt(),
                    d.reason(),
                    d.stampedNoticeKept(),
                    d.hearingAt(),
                    d.kind(),
                    d.channel(),
                    d.note(),
                    d.outcome(),
                    e.getStageBefore(),
                    e.getStageAfter(),
                    e.getRecordedBy(),
                    e.getRecordedAt(),
                    null,
                    null,
                    d.feeAmount(),
                    d.feeDueOn(),
                    d.addressForm(),
                    d.addressClientId());
            data.counts.events++;
        }

        private String name(int syllables) {
            StringBuilder name = new StringBuilder();
            for (int i = 0; i < syllables; i++) {
                name.append(pick(SYLLABLES));
            }
            name.setCharAt(0, Character.toUpperCase(name.charAt(0)));
            return name.toString();
        }

        private String digits(int count) {
            StringBuilder digits = new StringBuilder(count);
            for (int i = 0; i < count; i++) {
                digits.append((char) ('0' + random.nextInt(10)));
            }
            return digits.toString();
        }

        private String pick(String[] values) {
            return values[random.nextInt(values.length)];
        }

        private boolean chance(double probability) {
            return random.nextDouble() < probability;
        }
    }

    /** One line of COPY text format: tab-separated, {@code \N} for null. */
    private static void row(StringBuilder out, Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append('\t');
            }
            Object value = values[i];
            if (value == null) {
                out.append("\\N");
            } else if (value instanceof Boolean b) {
                out.append(b ? 't' : 'f');
            } else {
                appendEscaped(out, value.toString());
            }
        }
        out.append('\n');
    }

    private static void appendEscaped(StringBuilder out, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
    }

    /** {@link Filing#open} draws a random id; the bench needs ids that pgbench can compute too. */
    private static void setId(Filing filing, UUID id) {
        try {
            FILING_ID.set(filing, id);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Field filingIdField() {
        try {
            Field id = Filing.class.getDeclaredField("id");
            id.setAccessible(true);
            return id;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("Filing has no 'id' field any more; update the bench loader", e);
        }
    }
}
