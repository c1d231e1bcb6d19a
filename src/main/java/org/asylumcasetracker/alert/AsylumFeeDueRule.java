package org.asylumcasetracker.alert;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
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
 * An asylum fee asked for in a notice ({@code FEE_NOTICE_RECEIVED}) must be paid by its due day, or the asylum
 * application is rejected: raised {@code feeWarningDays} (14) before the due day, one alert per notice (its duty is
 * the notice's date, numbered when one day has several), until the day before a {@code FEE_PAID} settles it ({@link AsylumFees}). A fee paid on its due
 * day or the day before clears the alert; a day after, it was shown up to that payment.
 *
 * <p>Sources: Pub. L. 119-21 (4 July 2025), the asylum application fee and the annual asylum fee; USCIS, 90 FR 34511
 * (22 July 2025), and the interim final rule implementing it: a fee not paid within 30 days of the notice gets the
 * pending asylum application rejected, and with it a work permit based on it.
 */
public final class AsylumFeeDueRule implements AlertRule {

    @Override
    public AlertCode code() {
        return AlertCode.ASYLUM_FEE_DUE;
    }

    @Override
    public Optional<AlertWindow> window(FilingFacts facts, OrganizationSettings settings, ZoneId zone) {
        return windows(facts, settings, zone).stream().findFirst();
    }

    @Override
    public List<AlertWindow> windows(FilingFacts facts, OrganizationSettings settings, ZoneId zone) {
        List<AlertWindow> windows = new ArrayList<>();
        List<AsylumFees.Notice> notices = facts.feeNotices();
        for (int i = 0; i < notices.size(); i++) {
            AsylumFees.Notice notice = notices.get(i);
            LocalDate from = notice.dueOn().minusDays(settings.feeWarningDays());
            LocalDate until = notice.paidOn() == null ? null : notice.paidOn().minusDays(1);
            if (until == null || !until.isBefore(from)) {
                windows.add(new AlertWindow(code(), from, until, dutyOf(notices, i)));
            }
        }
        return windows;
    }

    @Override
    public String summary(
            AlertWindow window, FilingFacts facts, OrganizationSettings settings, ZoneId zone, LocalDate asOf) {
        AsylumFees.Notice notice = noticeOf(window, facts);
        long left = ChronoUnit.DAYS.between(asOf, notice.dueOn());
        String when = left > 0
                ? "is due on " + notice.dueOn() + " (in " + Phrases.days(left) + ")"
                : left == 0 ? "is due today" : "was due on " + notice.dueOn() + ", " + Phrases.days(-left) + " ago";
        return "The asylum fee of $" + notice.amount() + " asked for on " + notice.noticeOn() + " " + when
                + "; unpaid, it gets the asylum application rejected.";
    }

    @Override
    public List<AlertAction> actions(
            AlertWindow window, FilingFacts facts, OrganizationSettings settings, ZoneId zone, LocalDate asOf) {
        AsylumFees.Notice notice = noticeOf(window, facts);
        return List.of(AlertAction.of(ActionKind.PAY_FEE)
                .who(facts.filedInCourt() ? Who.IMMIGRATION_COURT : Who.USCIS)
                .amount(notice.amount())
                .deadlineOn(notice.dueOn())
                .build());
    }

    @Override
    public String summary(FilingFacts facts, OrganizationSettings settings, ZoneId zone, LocalDate asOf) {
        return summary(window(facts, settings, zone).orElseThrow(), facts, settings, zone, asOf);
    }

    @Override
    public List<AlertAction> actions(FilingFacts facts, OrganizationSettings settings, ZoneId zone, LocalDate asOf) {
        return actions(window(facts, settings, zone).orElseThrow(), facts, settings, zone, asOf);
    }

    private static AsylumFees.Notice noticeOf(AlertWindow window, FilingFacts facts) {
        List<AsylumFees.Notice> notices = facts.feeNotices();
        for (int i = 0; i < notices.size(); i++) {
            if (dutyOf(notices, i).equals(window.duty())) {
                return notices.get(i);
            }
        }
        throw new IllegalStateException("no fee notice of " + window.duty());
    }

    /** The notice's day, and its place among the notices of that day when there are several ("2026-09-01/2"). */
    static String dutyOf(List<AsylumFees.Notice> notices, int index) {
        LocalDate noticeOn = notices.get(index).noticeOn();
        long before = notices.subList(0, index).stream()
                .filter(n -> n.noticeOn().equals(noticeOn))
                .count();
        return before == 0 ? noticeOn.toString() : noticeOn + "/" + (before + 1);
    }
}
