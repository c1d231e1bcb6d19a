package org.asylumcasetracker.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.UUID;
import org.asylumcasetracker.filing.ActionKind;
import org.asylumcasetracker.filing.Alert;
import org.asylumcasetracker.filing.AlertCode;
import org.asylumcasetracker.filing.AsylumFees;
import org.asylumcasetracker.filing.Channel;
import org.asylumcasetracker.filing.DeliveredVia;
import org.asylumcasetracker.filing.Stage;
import org.asylumcasetracker.filing.Venue;
import org.asylumcasetracker.filing.WorkPermitClock;
import org.asylumcasetracker.organization.CourtBiometricsProcess;
import org.asylumcasetracker.organization.OrganizationSettings;
import org.junit.jupiter.api.Test;

/**
 * Random filings, settings, time zones and dates, with a fixed seed so a failure repeats. Two promises are
 * checked on each: a report from stored windows equals direct evaluation, and both say what a plain reading
 * of the alert table (README, "Rules") says, with its date conditions written out the long way. A failing case
 * is shrunk before it is reported: facts that do not matter to the failure are left out, flags turned off,
 * times moved to UTC, so the report shows what the failure depends on.
 */
class AlertRulesPropertyTest {

    private static final long SEED = 20260315L;
    private static final int FILINGS = 4000;
    private static final LocalDate EARLIEST_FILING = LocalDate.of(2025, 9, 1);
    private static final List<ZoneId> ZONES = List.of(
            ZoneId.of("America/New_York"),
            ZoneId.of("America/Los_Angeles"),
            ZoneId.of("Pacific/Honolulu"),
            ZoneId.of("UTC"),
            ZoneId.of("Pacific/Kiritimati"));

    /** Marks a fact to be left out while shrinking (null means "no simpler value"). */
    private static final Object NOTHING = new Object();

    @Test
    void storedWindowsDirectEvaluationAndTheSpecTableAgree() {
        Random random = new Random(SEED);
        Map<AlertCode, Integer> raisedCount = new EnumMap<>(AlertCode.class);
        int checks = 0;

        for (int i = 0; i < FILINGS; i++) {
            FilingFacts facts = randomFacts(random);
            OrganizationSettings settings = randomSettings(random);
            ZoneId zone = ZONES.get(random.nextInt(ZONES.size()));
            List<AlertWindow> stored = AlertRules.windows(facts, settings, zone);
            String story = facts + " " + zone;

            if (facts.stage() == Stage.CLOSED) {
                assertEquals(List.of(), stored, story);
            }
            for (LocalDate asOf : datesToAsk(random, facts, stored)) {
                Case checked = new Case(facts, settings, zone, asOf);
                List<Alert> evaluated;
                try {
                    evaluated = check(checked);
                } catch (AssertionError failure) {
                    Case smallest = shrink(checked);
                    throw new AssertionError(
                            "Smallest failing case: " + smallest + "\n" + failureOf(smallest) + "\nas found: "
                                    + checked,
                            failure);
                }
                evaluated.forEach(alert -> raisedCount.merge(alert.code(), 1, Integer::sum));
                checks++;
            }
        }

        assertTrue(checks > 20_000, "dates asked: " + checks);
        for (AlertCode code : AlertCode.values()) {
            if (code.concernsClient()) {
                continue; // a person's own alerts have their own rules and tests
            }
            assertTrue(raisedCount.getOrDefault(code, 0) > 100, () -> "too few " + code + ": " + raisedCount);
        }
    }

    /** One question: these facts, these settings, in this zone, as of this day. */
    private record Case(FilingFacts facts, OrganizationSettings settings, ZoneId zone, LocalDate asOf) {}

    /** Both promises for one case; returns the alerts raised. */
    private static List<Alert> check(Case c) {
        List<AlertWindow> stored = AlertRules.windows(c.facts(), c.settings(), c.zone());
        List<Alert> evaluated = AlertRules.evaluate(c.facts(), c.settings(), c.zone(), c.asOf());
        String story = c.toString();
        assertEquals(reportFromStoredWindows(stored, c.facts(), c.settings(), c.zone(), c.asOf()), evaluated, story);
        assertEquals(alertTable(c.facts(), c.settings(), c.zone(), c.asOf()), dueDates(evaluated), story);
        for (Alert alert : evaluated) {
            assertWellFormed(alert, c.facts(), c.settings(), c.zone(), c.asOf());
        }
        return evaluated;
    }

    /** The assertion message of a failing case, or null when it passes (or is not a valid filing at all). */
    private static String failureOf(Case c) {
        try {
            check(c);
            return null;
        } catch (AssertionError failure) {
            return failure.getMessage();
        } catch (RuntimeException impossibleFacts) {
            return null;
        }
    }

    /** Takes simpler variants of a failing case for as long as they still fail. */
    static Case shrink(Case failing) {
        Case smallest = failing;
        boolean simplified = true;
        while (simplified) {
            simplified = false;
            for (Case candidate : simpler(smallest)) {
                if (failureOf(candidate) != null) {
                    smallest = candidate;
                    simplified = true;
                    break;
                }
            }
        }
        return smallest;
    }

    /** Each variant changes one thing: the zone to UTC, or one fact left out, turned off or moved to UTC. */
    private static List<Case> simpler(Case c) {
        List<Case> variants = new ArrayList<>();
        if (!c.zone().equals(ZoneOffset.UTC)) {
            variants.add(new Case(c.facts(), c.settings(), ZoneOffset.UTC, c.asOf()));
        }
        RecordComponent[] components = FilingFacts.class.getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            values[i] = read(components[i], c.facts());
        }
        for (int i = 0; i < components.length; i++) {
            Object value = values[i];
            Object simpler = null;
            if (value instanceof OffsetDateTime moment && !moment.getOffset().equals(ZoneOffset.UTC)) {
                simpler = moment.withOffsetSameInstant(ZoneOffset.UTC);
            } else if (Boolean.TRUE.equals(value)) {
                simpler = false;
            } else if (value != null && !components[i].getType().isPrimitive() && !(value instanceof Boolean)) {
                simpler = NOTHING;
            }
            if (simpler != null) {
                Object[] changed = values.clone();
                changed[i] = simpler == NOTHING ? null : simpler;
                variants.add(new Case(construct(components, changed), c.settings(), c.zone(), c.asOf()));
            }
        }
        return variants;
    }

    private static Object read(RecordComponent component, FilingFacts facts) {
        try {
            return component.getAccessor().invoke(facts);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static FilingFacts construct(RecordComponent[] components, Object[] values) {
        Class<?>[] types =
                Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        try {
            return FilingFacts.class.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the service does: a range query over stored windows, then the same alert for each hit. */
    private static List<Alert> reportFromStoredWindows(
            List<AlertWindow> stored, FilingFacts facts, OrganizationSettings settings, ZoneId zone, LocalDate asOf) {
        return stored.stream()
                .filter(w -> w.dueOn().compareTo(asOf) <= 0 && (w.endsOn() == null || asOf.compareTo(w.endsOn()) <= 0))
                .map(w -> AlertRules.toAlert(w, facts, settings, zone, asOf))
                .sorted(Alert.MOST_URGENT_FIRST)
                .toList();
    }

    /** The alert table row by row: each raised code with its due date, as of one day. */
    private static Map<AlertCode, LocalDate> alertTable(
            FilingFacts f, OrganizationSettings s, ZoneId zone, LocalDate asOf) {
        Map<AlertCode, LocalDate> raised = new EnumMap<>(AlertCode.class);
        if (f.stage() == Stage.CLOSED) {
            return raised;
        }
        boolean court = f.venue() == Venue.IMMIGRATION_COURT;
        Stage stage = f.stage();
        LocalDate appointment = f.appointmentAt() == null
                ? null
                : LocalDate.ofInstant(f.appointmentAt().toInstant(), zone);
        LocalDate hearing = f.individualHearingAt() == null
                ? null
                : LocalDate.ofInstant(f.individualHearingAt().toInstant(), zone);

        if (court && stage == Stage.AWAITING_USCIS_PACKAGE && f.filedOn() != null) {
            raiseIfDue(raised, AlertCode.USCIS_PACKAGE_NOT_MAILED, f.filedOn().plusDays(s.packageGraceDays()), asOf);
        }
        LocalDate receiptStart = court ? f.packageMailedOn() : f.filedOn();
        if (stage == Stage.AWAITING_RECEIPT && receiptStart != null) {
            raiseIfDue(raised, AlertCode.RECEIPT_OVERDUE, receiptStart.plusMonths(s.receiptOverdueMonths()), asOf);
        }
        if (stage == Stage.AWAITING_BIOMETRICS_NOTICE && f.biometricsClockStartOn() != null) {
            raiseIfDue(
                    raised,
                    AlertCode.BIOMETRICS_NOTICE_OVERDUE,
                    f.biometricsClockStartOn().plusMonths(s.biometricsNoticeOverdueMonths()),
                    asOf);
        }
        if (court && hearing != null && !hearing.isBefore(asOf) && stage != Stage.BIOMETRICS_COMPLETED) {
            raiseIfDue(
                    raised,
                    AlertCode.HEARING_APPROACHING_BIOMETRICS_INCOMPLETE,
                    hearing.minusDays(s.hearingWarningDays()),
                    asOf);
        }
        if (stage == Stage.BIOMETRICS_SCHEDULED && appointment != null && !appointment.isBefore(asOf)) {
            raiseIfDue(
                    raised, AlertCode.APPOINTMENT_UPCOMING, appointment.minusDays(s.appointmentReminderDays()), asOf);
        }
        if (stage == Stage.BIOMETRICS_SCHEDULED && !f.clientHasPrimaryId() && f.noticeReceivedOn() != null) {
            raiseIfDue(raised, AlertCode.ID_DOCUMENT_MISSING, f.noticeReceivedOn(), asOf);
        }
        if (stage == Stage.BIOMETRICS_SCHEDULED && appointment != null && appointment.isBefore(asOf)) {
            raiseIfDue(raised, AlertCode.APPOINTMENT_OUTCOME_MISSING, appointment.plusDays(1), asOf);
        }
        if (stage == Stage.BIOMETRICS_MISSED && f.missedOn() != null) {
            raiseIfDue(raised, AlertCode.BIOMETRICS_MISSED, f.missedOn(), asOf);
        }
        if (stage == Stage.BIOMETRICS_COMPLETED
                && !Boolean.TRUE.equals(f.stampedNoticeKept())
                && f.completedOn() != null) {
            raiseIfDue(raised, AlertCode.STAMPED_NOTICE_MISSING, f.completedOn(), asOf);
        }
        for (AsylumFees.Notice notice : f.feeNotices()) {
            // due feeWarningDays before the fee's due day, until the day before it was paid
            LocalDate warnFrom = notice.dueOn().minusDays(s.feeWarningDays());
            if (notice.paidOn() == null || asOf.isBefore(notice.paidOn())) {
                raiseIfDue(raised, AlertCode.ASYLUM_FEE_DUE, warnFrom, asOf);
            }
        }
        LocalDate received = f.receivedOn() != null ? f.receivedOn() : f.filedOn();
        // owed for the calendar year asked about if the application was received in an earlier year (at most ten
        // years earlier), counted from 1 January or the law's enactment, until a notice dated in that year arrives
        LocalDate yearStarts = LocalDate.of(asOf.getYear(), 1, 1);
        LocalDate owedFrom = yearStarts.isBefore(LocalDate.of(2025, 7, 4)) ? LocalDate.of(2025, 7, 4) : yearStarts;
        boolean noticeThisYear = f.feeNotices().stream()
                .anyMatch(n -> !n.noticeOn().isBefore(owedFrom) && !n.noticeOn().isAfter(asOf));
        if (received != null
                && received.getYear() < asOf.getYear()
                && asOf.getYear() <= received.getYear() + 10
                && !asOf.isBefore(owedFrom)
                && !noticeThisYear) {
            raised.put(AlertCode.ANNUAL_FEE_EXPECTED, owedFrom);
        }
        if (!f.workPermitFiled() && f.filedOn() != null) {
            LocalDate eligibleOn = countedWaitEnds(f, s.workPermitWaitDays());
            if (eligibleOn != null) {
                raiseIfDue(raised, AlertCode.WORK_PERMIT_ELIGIBLE, eligibleOn, asOf);
            }
        }
        return raised;
    }

    /**
     * The work-permit wait counted day by day from the receipt day: a day counts unless the latest clock fact on or
     * before it is a stop (facts of one day in the order given). Null when it does not end within ten years.
     */
    private static LocalDate countedWaitEnds(FilingFacts f, int waitDays) {
        List<WorkPermitClock.Fact> facts = new ArrayList<>(f.workPermitClockFacts());
        facts.sort(java.util.Comparator.comparing(WorkPermitClock.Fact::on));
        LocalDate day = f.receivedOn() != null ? f.receivedOn() : f.filedOn();
        int counted = 0;
        for (int guard = 0; guard < 3650 && counted < waitDays; guard++, day = day.plusDays(1)) {
            WorkPermitClock.Fact latest = null;
            for (WorkPermitClock.Fact fact : facts) {
                if (!fact.on().isAfter(day)) {
                    latest = fact;
                }
            }
            if (latest == null || latest.stops() == null) {
                counted++;
            }
        }
        return counted == waitDays ? day : null;
    }

    private static void raiseIfDue(Map<AlertCode, LocalDate> raised, AlertCode code, LocalDate dueOn, LocalDate asOf) {
        if (!asOf.isBefore(dueOn)) {
            raised.put(code, dueOn);
        }
    }

    private static Map<AlertCode, LocalDate> dueDates(List<Alert> alerts) {
        Map<AlertCode, LocalDate> dueOn = new EnumMap<>(AlertCode.class);
        alerts.forEach(alert -> dueOn.put(alert.code(), alert.dueOn()));
        assertEquals(alerts.size(), dueOn.size(), "one alert per code");
        return dueOn;
    }

    private static void assertWellFormed(
            Alert alert, FilingFacts facts, OrganizationSettings settings, ZoneId zone, LocalDate asOf) {
        String context = alert + " as of " + asOf;
        assertEquals(alert.code().severity(), alert.severity(), context);
        assertEquals(facts.filingId(), alert.filingId(), context);
        assertEquals(asOf.toEpochDay() - alert.dueOn().toEpochDay(), alert.daysOverdue(), context);
        assertTrue(alert.daysOverdue() >= 0, context);
        assertFalse(alert.actions().isEmpty(), context);
        assertTrue(alert.summary().endsWith("."), context);
        assertFalse(alert.summary().contains("null"), context);
        if (alert.code() == AlertCode.BIOMETRICS_MISSED) {
            LocalDate from = facts.appointmentAt() == null
                    ? facts.missedOn()
                    : LocalDate.ofInstant(facts.appointmentAt().toInstant(), zone);
            boolean walkIn = !asOf.isAfter(from.plusDays(settings.walkInWindowDays()));
            assertEquals(walkIn, alert.actions().get(0).kind() == ActionKind.WALK_IN, context);
        }
    }

    /** A few random days plus the edges of every window, where off-by-one mistakes live. */
    private static TreeSet<LocalDate> datesToAsk(Random random, FilingFacts facts, List<AlertWindow> stored) {
        TreeSet<LocalDate> dates = new TreeSet<>();
        for (int i = 0; i < 3; i++) {
            dates.add(facts.filedOn().plusDays(random.nextInt(560) - 30));
        }
        for (AlertWindow window : stored) {
            dates.add(window.dueOn().minusDays(1));
            dates.add(window.dueOn());
            if (window.endsOn() != null) {
                dates.add(window.endsOn());
                dates.add(window.endsOn().plusDays(1));
            }
        }
        if (facts.stage() == Stage.BIOMETRICS_MISSED && facts.appointmentAt() != null) {
            LocalDate appointmentUtc = facts.appointmentAt().toLocalDate();
            for (int offset = 0; offset <= 31; offset += 1 + random.nextInt(8)) {
                dates.add(appointmentUtc.plusDays(offset));
            }
        }
        return dates;
    }

    private static FilingFacts randomFacts(Random random) {
        Venue venue = pick(random, Venue.values());
        Channel channel = venue == Venue.USCIS ? pick(random, Channel.values()) : null;
        LocalDate filedOn = randomDay(random, EARLIEST_FILING, 900);
        LocalDate packageMailedOn = sometimes(random, randomDay(random, filedOn, 40));
        LocalDate receiptReceivedOn = sometimes(random, randomDay(random, filedOn, 120));
        LocalDate clockStart =
                sometimes(random, pick(random, receiptReceivedOn, filedOn, randomDay(random, filedOn, 200)));
        LocalDate noticeReceivedOn = sometimes(random, randomDay(random, filedOn.plusDays(30), 150));
        OffsetDateTime appointmentAt = sometimes(random, randomMoment(random, filedOn.plusDays(40), 200));
        LocalDate appointmentDay = appointmentAt == null ? filedOn.plusDays(60) : appointmentAt.toLocalDate();
        return new FilingFacts(
                UUID.randomUUID(),
                UUID.randomUUID(),
                venue,
                channel,
                pick(random, Stage.values()),
                filedOn,
                packageMailedOn,
                receiptReceivedOn,
                clockStart,
                noticeReceivedOn,
                appointmentAt,
                sometimes(random, pick(random, DeliveredVia.values())),
                sometimes(random, randomDay(random, appointmentDay, 10)),
                sometimes(random, randomDay(random, appointmentDay, 40)),
                pick(random, null, Boolean.TRUE, Boolean.FALSE),
                sometimes(random, randomMoment(random, filedOn.plusDays(20), 500)),
                random.nextInt(4) == 0,
                random.nextBoolean(),
                false,
                sometimes(random, randomDay(random, filedOn, 20)),
                randomClock(random, filedOn),
                randomFee(random, filedOn),
                true);
    }

    /** Now and then one fee notice, due 30 days later or on another day, paid or not. */
    private static List<AsylumFees.Notice> randomFee(Random random, LocalDate filedOn) {
        if (random.nextInt(3) != 0) {
            return List.of();
        }
        LocalDate noticeOn = randomDay(random, filedOn, 800);
        LocalDate dueOn = random.nextBoolean() ? noticeOn.plusDays(30) : randomDay(random, noticeOn, 60);
        LocalDate paidOn = sometimes(random, randomDay(random, noticeOn.minusDays(3), 90));
        return List.of(new AsylumFees.Notice(noticeOn, java.math.BigDecimal.valueOf(100), dueOn, paidOn));
    }

    /** Now and then a missed or rescheduled appointment, and sometimes biometrics done after it. */
    private static List<WorkPermitClock.Fact> randomClock(Random random, LocalDate filedOn) {
        List<WorkPermitClock.Fact> facts = new ArrayList<>();
        for (int i = random.nextInt(3); i > 0; i--) {
            LocalDate stop = randomDay(random, filedOn, 300);
            facts.add(WorkPermitClock.Fact.stop(stop, pick(random, WorkPermitClock.StopReason.values())));
            if (random.nextBoolean()) {
                facts.add(WorkPermitClock.Fact.resume(randomDay(random, stop, 60)));
            }
        }
        return facts;
    }

    private static OrganizationSettings randomSettings(Random random) {
        return new OrganizationSettings(
                        1 + random.nextInt(6),
                        1 + random.nextInt(4),
                        random.nextInt(120),
                        random.nextInt(30),
                        random.nextInt(15),
                        random.nextInt(40),
                        12,
                        2,
                        100 + random.nextInt(120),
                        pick(random, CourtBiometricsProcess.values()))
                .withDeadlines(30 + random.nextInt(120), 1 + random.nextInt(30));
    }

    /** Month ends and leap days are over-represented: that is where calendar arithmetic goes wrong. */
    private static LocalDate randomDay(Random random, LocalDate from, int range) {
        LocalDate day = from.plusDays(random.nextInt(range));
        return random.nextInt(5) == 0 ? day.with(TemporalAdjusters.lastDayOfMonth()) : day;
    }

    /** Times near midnight and offsets unlike the organization's, so the calendar day depends on the zone. */
    private static OffsetDateTime randomMoment(Random random, LocalDate from, int range) {
        int hour = random.nextBoolean() ? random.nextInt(24) : pick(random, 0, 1, 22, 23);
        ZoneOffset offset = ZoneOffset.ofHours(random.nextInt(27) - 12);
        return randomDay(random, from, range)
                .atTime(hour, 15 * random.nextInt(4))
                .atOffset(offset);
    }

    private static <T> T sometimes(Random random, T value) {
        return random.nextInt(6) == 0 ? null : value;
    }

    @SafeVarargs
    private static <T> T pick(Random random, T... values) {
        return values[random.nextInt(values.length)];
    }
}
