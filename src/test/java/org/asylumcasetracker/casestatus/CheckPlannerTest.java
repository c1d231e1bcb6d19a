package org.asylumcasetracker.casestatus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The check plan for a simulated week, computed rather than slept: 20,000 receipt numbers of many
 * organizations, checked weekly, never more calls in a second or in a day (midnight GMT to midnight GMT)
 * than the API admits, people waiting for a notice first.
 */
class CheckPlannerTest {

    private static final int RECEIPTS = 20_000;
    private static final Duration WEEK = Duration.ofDays(7);
    private static final CheckPlanner.Quota PRODUCTION = new CheckPlanner.Quota(10, 10_000);
    private static final CheckPlanner.Quota SANDBOX = new CheckPlanner.Quota(5, 1_000);
    // a Monday afternoon, so that the week crosses eight GMT days
    private static final Instant NOW = Instant.parse("2026-11-30T15:17:00Z");

    @Test
    void aWeekOfTwentyThousandReceiptNumbersStaysWithinTheProductionQuota() {
        List<CheckPlanner.Candidate> candidates =
                receiptNumbers(RECEIPTS, NOW.minus(Duration.ofDays(3)), NOW.plus(WEEK));
        List<CheckPlanner.Call> calls = CheckPlanner.plan(candidates, PRODUCTION, WEEK, NOW, NOW, NOW.plus(WEEK));

        assertWithinQuota(calls, PRODUCTION);
        Map<String, List<Instant>> byReceipt = calls.stream()
                .collect(Collectors.groupingBy(
                        CheckPlanner.Call::key, Collectors.mapping(CheckPlanner.Call::at, Collectors.toList())));
        assertEquals(RECEIPTS, byReceipt.size(), "every receipt number is checked within the week");
        byReceipt.values().forEach(times -> {
            for (int i = 1; i < times.size(); i++) {
                assertTrue(
                        !times.get(i).isBefore(times.get(i - 1).plus(WEEK)),
                        "a receipt number is checked at most weekly");
            }
        });
        // 20,000 a week is 2,858 a day on average: the plan spreads them instead of using the day's quota at once
        long busiestDay =
                perDay(calls).values().stream().mapToLong(Long::longValue).max().orElseThrow();
        assertTrue(busiestDay <= PRODUCTION.perDay(), "busiest day: " + busiestDay);
    }

    @Test
    void aQuotaTooSmallForTheWeekIsNeverExceededAndPeopleWaitingForANoticeGoFirst() {
        List<CheckPlanner.Candidate> candidates = receiptNumbers(RECEIPTS, NOW.minus(Duration.ofDays(1)), NOW);
        List<CheckPlanner.Call> calls = CheckPlanner.plan(candidates, SANDBOX, WEEK, NOW, NOW, NOW.plus(WEEK));

        assertWithinQuota(calls, SANDBOX);
        // 1,000 a day for 7 days (plus the part of the eighth GMT day the week reaches into)
        assertTrue(calls.size() <= 8 * SANDBOX.perDay(), "calls: " + calls.size());
        assertTrue(calls.size() >= 7 * SANDBOX.perDay() - 1, "the quota is used, calls: " + calls.size());
        Map<String, Boolean> priority = candidates.stream()
                .collect(Collectors.toMap(CheckPlanner.Candidate::key, CheckPlanner.Candidate::priority));
        long waitingForNotice =
                candidates.stream().filter(CheckPlanner.Candidate::priority).count();
        List<CheckPlanner.Call> first = calls.subList(0, (int) waitingForNotice);
        assertTrue(
                first.stream().allMatch(call -> priority.get(call.key())),
                "the first calls are all for people waiting for a notice");
    }

    @Test
    void callsNeverStartBeforeTheFirstFreeSlotNorBeforeTheyAreDue() {
        Instant firstSlot = NOW.plusSeconds(120); // a 429 asked to wait two minutes
        List<CheckPlanner.Candidate> candidates = List.of(
                new CheckPlanner.Candidate("demo/IOE0000000001", NOW.minusSeconds(5), false),
                new CheckPlanner.Candidate("demo/IOE0000000002", NOW.plusSeconds(600), true));
        List<CheckPlanner.Call> calls =
                CheckPlanner.plan(candidates, PRODUCTION, WEEK, firstSlot, NOW, NOW.plusSeconds(3600));

        assertEquals(
                List.of(
                        new CheckPlanner.Call("demo/IOE0000000001", firstSlot),
                        new CheckPlanner.Call("demo/IOE0000000002", NOW.plusSeconds(600))),
                calls);
    }

    @Test
    void spacingFollowsTheTighterOfTheTwoQuotas() {
        assertEquals(Duration.ofMillis(8_640), PRODUCTION.spacing());
        assertEquals(Duration.ofMillis(86_400), SANDBOX.spacing());
        assertEquals(Duration.ofMillis(100), new CheckPlanner.Quota(10, 10_000_000).spacing());
    }

    /** Receipt numbers of 40 organizations, one in five waiting for a notice, last checked at random times. */
    private static List<CheckPlanner.Candidate> receiptNumbers(int count, Instant earliestDue, Instant latestDue) {
        Random random = new Random(21);
        long span = Duration.between(earliestDue, latestDue).toMillis();
        List<CheckPlanner.Candidate> candidates = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String key = "org-" + (i % 40) + "/IOE" + String.format("%010d", i);
            Instant due = earliestDue.plusMillis((long) (random.nextDouble() * span));
            candidates.add(new CheckPlanner.Candidate(key, due, random.nextInt(5) == 0));
        }
        return candidates;
    }

    private static void assertWithinQuota(List<CheckPlanner.Call> calls, CheckPlanner.Quota quota) {
        for (Map.Entry<LocalDate, Long> day : perDay(calls).entrySet()) {
            assertTrue(day.getValue() <= quota.perDay(), day.getKey() + ": " + day.getValue() + " calls");
        }
        // any window of one second, wherever it starts: the calls are in time order
        List<Instant> times = calls.stream().map(CheckPlanner.Call::at).sorted().toList();
        int start = 0;
        for (int end = 0; end < times.size(); end++) {
            while (!times.get(start).plusSeconds(1).isAfter(times.get(end))) {
                start++;
            }
            assertTrue(
                    end - start + 1 <= quota.perSecond(),
                    "more than " + quota.perSecond() + " calls in a second at " + times.get(end));
        }
    }

    private static Map<LocalDate, Long> perDay(List<CheckPlanner.Call> calls) {
        Map<LocalDate, Long> days = new TreeMap<>();
        for (CheckPlanner.Call call : calls) {
            days.merge(LocalDate.ofInstant(call.at(), ZoneOffset.UTC), 1L, Long::sum);
        }
        return days;
    }
}
