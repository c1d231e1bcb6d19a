package org.asylumcasetracker.alert;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.asylumcasetracker.filing.ActionKind;
import org.asylumcasetracker.filing.AlertAction;
import org.asylumcasetracker.filing.AlertAction.Who;
import org.asylumcasetracker.filing.AlertCode;
import org.asylumcasetracker.organization.OrganizationSettings;

/**
 * A person who is on no open asylum application must apply within one year of the last arrival: the deadline is
 * announced {@code oneYearWarningDays} before it ({@code ONE_YEAR_DEADLINE_APPROACHING}, through the deadline day)
 * and flagged from the day after ({@code ONE_YEAR_DEADLINE_PASSED}). When an exception has been recorded, the passed
 * deadline is no longer an emergency but still needs a lawyer's review ({@code ONE_YEAR_EXCEPTION_REVIEW}): the
 * exception must be shown, and the application filed within a reasonable period of the circumstances. Both end the
 * day before the person's first open filing was made, so a past day is answered as it stood then.
 *
 * <p>Sources: INA 208(a)(2)(B) (the one-year bar), INA 208(a)(2)(D) and 8 CFR 208.4(a)(4)-(5) (changed and
 * extraordinary circumstances; filing within a reasonable period), 8 CFR 208.4(a)(2)(ii) (counting from the last
 * arrival, moved past weekends and legal holidays; see {@code client.OneYearDeadline}).
 */
public final class OneYearDeadlineRule {

    /** The windows of the person's one-year alerts; none without a deadline. */
    public List<AlertWindow> windows(ClientFacts facts, OrganizationSettings settings) {
        LocalDate deadline = facts.oneYearDeadlineOn();
        if (deadline == null) {
            return List.of();
        }
        LocalDate lastDayOnNoFiling = facts.onOpenFilingSince() == null
                ? null
                : facts.onOpenFilingSince().minusDays(1);
        List<AlertWindow> windows = new ArrayList<>();
        LocalDate approachingFrom = deadline.minusDays(settings.oneYearWarningDays());
        LocalDate approachingUntil = earlier(deadline, lastDayOnNoFiling);
        if (!approachingUntil.isBefore(approachingFrom)) {
            windows.add(new AlertWindow(AlertCode.ONE_YEAR_DEADLINE_APPROACHING, approachingFrom, approachingUntil));
        }
        LocalDate passedFrom = deadline.plusDays(1);
        if (lastDayOnNoFiling == null || !lastDayOnNoFiling.isBefore(passedFrom)) {
            AlertCode code = facts.exception() == null
                    ? AlertCode.ONE_YEAR_DEADLINE_PASSED
                    : AlertCode.ONE_YEAR_EXCEPTION_REVIEW;
            windows.add(new AlertWindow(code, passedFrom, lastDayOnNoFiling));
        }
        return windows;
    }

    public String summary(AlertCode code, ClientFacts facts, LocalDate asOf) {
        LocalDate deadline = facts.oneYearDeadlineOn();
        return switch (code) {
            case ONE_YEAR_DEADLINE_APPROACHING ->
                "The client is on no open asylum application, and the one-year"
                        + " deadline to apply is " + deadline + ", "
                        + (deadline.equals(asOf)
                                ? "today"
                                : "in " + Phrases.days(ChronoUnit.DAYS.between(asOf, deadline)))
                        + ".";
            case ONE_YEAR_DEADLINE_PASSED ->
                "The one-year deadline to apply for asylum passed on " + deadline
                        + " and the client is on no open application: asylum is barred unless changed or extraordinary"
                        + " circumstances apply, so get a legal review now.";
            case ONE_YEAR_EXCEPTION_REVIEW ->
                "The one-year deadline passed on " + deadline + "; an exception ("
                        + facts.exception() + ") is recorded, which only a lawyer's review and a filing within a"
                        + " reasonable period can make good.";
            default -> throw new IllegalArgumentException("not a one-year deadline alert: " + code);
        };
    }

    public List<AlertAction> actions(AlertCode code, ClientFacts facts) {
        return switch (code) {
            case ONE_YEAR_DEADLINE_APPROACHING ->
                List.of(AlertAction.of(ActionKind.FILE_ASYLUM_APPLICATION)
                        .who(Who.CLIENT)
                        .until(facts.oneYearDeadlineOn())
                        .build());
            case ONE_YEAR_DEADLINE_PASSED -> List.of(NextSteps.seekLegalHelp());
            case ONE_YEAR_EXCEPTION_REVIEW ->
                List.of(AlertAction.of(ActionKind.REVIEW_DEADLINE_EXCEPTION)
                        .who(Who.IMMIGRATION_ATTORNEY)
                        .build());
            default -> throw new IllegalArgumentException("not a one-year deadline alert: " + code);
        };
    }

    private static LocalDate earlier(LocalDate day, LocalDate orNull) {
        return orNull != null && orNull.isBefore(day) ? orNull : day;
    }
}
