package org.asylumcasetracker.alert;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.asylumcasetracker.filing.Alert;
import org.asylumcasetracker.filing.AlertCode;
import org.asylumcasetracker.filing.Stage;
import org.asylumcasetracker.organization.OrganizationSettings;

/**
 * All alert rules in the order of the alert table (README, "Rules"), and the two ways to use them: {@link #windows}
 * for storing per filing, {@link #evaluate} for one date. A report built from stored windows calls {@link #toAlert}
 * and gets exactly the alerts {@link #evaluate} would have produced.
 */
public final class AlertRules {

    private static final List<AlertRule> ALL = List.of(
            new UscisPackageNotMailedRule(),
            new ReceiptOverdueRule(),
            new BiometricsNoticeOverdueRule(),
            new HearingApproachingRule(),
            new AppointmentUpcomingRule(),
            new IdDocumentMissingRule(),
            new AppointmentOutcomeMissingRule(),
            new BiometricsMissedRule(),
            new StampedNoticeMissingRule(),
            new WorkPermitEligibleRule(),
            new AsylumFeeDueRule(),
            new AnnualFeeExpectedRule());

    private static final Map<AlertCode, AlertRule> BY_CODE = new EnumMap<>(AlertCode.class);

    static {
        ALL.forEach(rule -> BY_CODE.put(rule.code(), rule));
    }

    private AlertRules() {}

    public static List<AlertRule> all() {
        return ALL;
    }

    public static AlertRule forCode(AlertCode code) {
        return BY_CODE.get(code);
    }

    /** The windows of every alert the filing can raise as it stands; a closed filing has none. */
    public static List<AlertWindow> windows(FilingFacts facts, OrganizationSettings settings, ZoneId zone) {
        if (facts.stage() == Stage.CLOSED) {
            return List.of();
        }
        return ALL.stream()
                .flatMap(rule -> rule.windows(facts, settings, zone).stream())
                .toList();
    }

    /** The alerts raised on {@code asOf}, most urgent first ({@link Alert#MOST_URGENT_FIRST}). */
    public static List<Alert> evaluate(FilingFacts facts, OrganizationSettings settings, ZoneId zone, LocalDate asOf) {
        return windows(facts, settings, zone).stream()
                .filter(window -> window.isRaisedOn(asOf))
                .map(window -> toAlert(window, facts, settings, zone, asOf))
                .sorted(Alert.MOST_URGENT_FIRST)
                .toList();
    }

    /** The alert for a window raised on {@code asOf}, with the summary and next steps of that day. */
    public static Alert toAlert(
            AlertWindow window, FilingFacts facts, OrganizationSettings settings, ZoneId zone, LocalDate asOf) {
        AlertRule rule = forCode(window.code());
        return new Alert(
                window.code(),
                window.code().severity(),
                facts.filingId(),
                facts.clientId(),
                window.dueOn(),
                window.daysOverdue(asOf),
                rule.summary(window, facts, settings, zone, asOf),
                rule.actions(window, facts, settings, zone, asOf));
    }
}
