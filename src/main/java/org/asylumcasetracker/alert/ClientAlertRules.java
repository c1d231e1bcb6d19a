package org.asylumcasetracker.alert;

import java.time.LocalDate;
import java.util.List;
import org.asylumcasetracker.filing.Alert;
import org.asylumcasetracker.filing.AlertCode;
import org.asylumcasetracker.organization.OrganizationSettings;

/**
 * The alerts about a person rather than one filing (the one-year deadline, address changes to report), used as
 * {@link AlertRules} are: {@link #windows} to store,
 * {@link #evaluate} for one day, {@link #toAlert} for a stored window. Their alerts carry no filing id.
 */
public final class ClientAlertRules {

    private static final OneYearDeadlineRule ONE_YEAR = new OneYearDeadlineRule();
    private static final AddressChangeRule ADDRESS_CHANGE = new AddressChangeRule();

    private ClientAlertRules() {}

    public static List<AlertWindow> windows(ClientFacts facts, OrganizationSettings settings) {
        List<AlertWindow> windows = new java.util.ArrayList<>(ONE_YEAR.windows(facts, settings));
        windows.addAll(ADDRESS_CHANGE.windows(facts));
        return windows;
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
                window.code() == AlertCode.ADDRESS_CHANGE_NOT_REPORTED
                        ? ADDRESS_CHANGE.summary(window, facts, asOf)
                        : ONE_YEAR.summary(window.code(), facts, asOf),
                window.code() == AlertCode.ADDRESS_CHANGE_NOT_REPORTED
                        ? ADDRESS_CHANGE.actions(window, facts)
                        : ONE_YEAR.actions(window.code(), facts));
    }
}
