package org.asylumcasetracker.alert;

import java.time.LocalDate;
import java.util.List;
import org.asylumcasetracker.filing.Alert;
import org.asylumcasetracker.organization.OrganizationSettings;

/**
 * The alerts about a person rather than one filing, used as {@link AlertRules} are: {@link #windows} to store,
 * {@link #evaluate} for one day, {@link #toAlert} for a stored window. Their alerts carry no filing id.
 */
public final class ClientAlertRules {

    private static final OneYearDeadlineRule ONE_YEAR = new OneYearDeadlineRule();

    private ClientAlertRules() {}

    public static List<AlertWindow> windows(ClientFacts facts, OrganizationSettings settings) {
        return ONE_YEAR.windows(facts, settings);
    }

    /** The person's alerts raised on {@code asOf}, most urgent first. */
    public static List<Alert> evaluate(ClientFacts facts, OrganizationSettings settings, LocalDate asOf) {
        return windows(facts, settings).stream()
                .filter(window -> window.isRaisedOn(asOf))
                .map(window -> toAlert(window, facts, asOf))
                .sorted(Alert.MOST_URGENT_FIRST)
                .toList();
    }

    public static Alert toAlert(AlertWindow window, ClientFacts facts, LocalDate asOf) {
        return new Alert(
                window.code(),
                window.code().severity(),
                null,
                facts.clientId(),
                window.dueOn(),
                window.daysOverdue(asOf),
                ONE_YEAR.summary(window.code(), facts, asOf),
                ONE_YEAR.actions(window.code(), facts));
    }
}
