package org.asylumcasetracker.alert;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.asylumcasetracker.filing.ActionKind;
import org.asylumcasetracker.filing.AlertAction;
import org.asylumcasetracker.filing.AlertAction.Who;
import org.asylumcasetracker.filing.AlertCode;
import org.asylumcasetracker.filing.AsylumFees;
import org.asylumcasetracker.organization.OrganizationSettings;

/**
 * The annual asylum fee is owed for each calendar year an asylum application remains pending, with USCIS or before
 * the immigration court: from 1 January of each calendar year after the year the application was received (never
 * before the law's enactment on 4 July 2025), {@code ANNUAL_FEE_EXPECTED} tells the case worker that year's fee is
 * owed and to pay it within 30 days of its notice. That year's alert ends the day before a fee notice dated in the
 * year arrives (then {@code ASYLUM_FEE_DUE} takes over), or on 31 December. Closed applications are no longer pending
 * and raise nothing. At most {@value #YEARS} calendar years are announced.
 *
 * <p>Which applications owe it, and from when: Pub. L. 119-21 (H.R. 1, 4 July 2025) § 100009 requires the annual
 * asylum fee "for each calendar year" an asylum application remains pending, collected by DHS or the Attorney
 * General (EOIR), as applicable. USCIS, "USCIS Immigration Fees Required by HR-1 Reconciliation Bill", 90 FR 34511
 * (22 July 2025), bills it once an application has been pending for a year, that is on the anniversary of its
 * receipt. The two readings differ; the earlier warning is chosen: 1 January of the calendar year, which is never
 * after that year's anniversary, for affirmative (USCIS) and defensive (court) applications alike.
 */
public final class AnnualFeeExpectedRule implements AlertRule {

    /** Pub. L. 119-21 was enacted on this day; no annual fee fell due before it. */
    static final LocalDate ENACTED = LocalDate.of(2025, 7, 4);

    /** Calendar years after the year of receipt that get a window (the windows are stored, so they are finite). */
    static final int YEARS = 10;

    @Override
    public AlertCode code() {
        return AlertCode.ANNUAL_FEE_EXPECTED;
    }

    @Override
    public Optional<AlertWindow> window(FilingFacts facts, OrganizationSettings settings, ZoneId zone) {
        return windows(facts, settings, zone).stream().findFirst();
    }

    @Override
    public List<AlertWindow> windows(FilingFacts facts, OrganizationSettings settings, ZoneId zone) {
        List<AlertWindow> windows = new ArrayList<>();
        LocalDate received = receivedOn(facts);
        if (received == null || !facts.principal()) { // the application's fee: raised once, with the principal
            return windows;
        }
        for (int year = received.getYear() + 1; year <= received.getYear() + YEARS; year++) {
            LocalDate from = LocalDate.of(year, 1, 1);
            if (from.isBefore(ENACTED)) {
                from = year == ENACTED.getYear() ? ENACTED : null;
            }
            if (from == null) {
                continue;
            }
            LocalDate yearEnds = LocalDate.of(year, 12, 31);
            LocalDate until = yearEnds;
            for (AsylumFees.Notice notice : facts.feeNotices()) {
                LocalDate noticeOn = notice.noticeOn();
                if (!noticeOn.isBefore(from)
                        && !noticeOn.isAfter(yearEnds)
                        && noticeOn.minusDays(1).isBefore(until)) {
                    until = noticeOn.minusDays(1);
                }
            }
            if (!until.isBefore(from)) {
                windows.add(new AlertWindow(code(), from, until, Integer.toString(year)));
            }
        }
        return windows;
    }

    @Override
    public String summary(
            AlertWindow window, FilingFacts facts, OrganizationSettings settings, ZoneId zone, LocalDate asOf) {
        LocalDate received = receivedOn(facts);
        int year = Integer.parseInt(window.duty());
        LocalDate anniversary = received.withYear(year);
        return "The application is pending in " + year + ", so the annual asylum fee for " + year + " is owed (USCIS"
                + " bills it after a year pending, from " + anniversary + "): pay it within " + AsylumFees.DAYS_TO_PAY
                + " days of its notice, or"
                + " the application is rejected.";
    }

    @Override
    public List<AlertAction> actions(
            AlertWindow window, FilingFacts facts, OrganizationSettings settings, ZoneId zone, LocalDate asOf) {
        return actions(facts, settings, zone, asOf);
    }

    @Override
    public String summary(FilingFacts facts, OrganizationSettings settings, ZoneId zone, LocalDate asOf) {
        return summary(window(facts, settings, zone).orElseThrow(), facts, settings, zone, asOf);
    }

    @Override
    public List<AlertAction> actions(FilingFacts facts, OrganizationSettings settings, ZoneId zone, LocalDate asOf) {
        return List.of(AlertAction.of(ActionKind.PAY_FEE)
                .who(facts.filedInCourt() ? Who.IMMIGRATION_COURT : Who.USCIS)
                .build());
    }

    private static LocalDate receivedOn(FilingFacts facts) {
        return facts.receivedOn() != null ? facts.receivedOn() : facts.filedOn();
    }
}
