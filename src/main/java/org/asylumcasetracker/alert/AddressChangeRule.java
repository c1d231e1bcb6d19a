package org.asylumcasetracker.alert;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.asylumcasetracker.filing.ActionKind;
import org.asylumcasetracker.filing.AddressForm;
import org.asylumcasetracker.filing.AlertAction;
import org.asylumcasetracker.filing.AlertAction.Who;
import org.asylumcasetracker.filing.AlertCode;

/**
 * A person on an open asylum application who moves must report the new address, or notices (receipt, biometrics,
 * hearings) go to the old one: on Form AR-11 to USCIS within 10 days, and, when the application is before an
 * immigration court, on Form EOIR-33 to the court within 5 days. {@code ADDRESS_CHANGE_NOT_REPORTED} is raised on
 * the day of the move, once per duty, and lasts until the day before a filing event {@code ADDRESS_CHANGE_REPORTED}
 * records that form as sent for that person (dated on or after the move). A person who joins an application only
 * after the move has no duty: the application already carries the new address.
 *
 * <p>Sources: INA 265(a) and 8 CFR 265.1 (report a change of address within 10 days, Form AR-11); 8 CFR
 * 1003.15(d)(2) (in removal proceedings, a change of address goes to the immigration court on Form EOIR-33 within 5
 * days); USCIS, "How to Change Your Address" (uscis.gov/addresschange: asylum applicants with a pending application
 * must also update each pending case). Where these differ in reach, the earlier reading is taken: every person on an
 * open application owes the AR-11, the principal and family members alike.
 */
public final class AddressChangeRule {

    static final int AR_11_DAYS = 10;
    static final int EOIR_33_DAYS = 5;

    public List<AlertWindow> windows(ClientFacts facts) {
        LocalDate moved = facts.movedOn();
        List<AlertWindow> windows = new ArrayList<>();
        if (moved == null) {
            return windows;
        }
        duty(moved, facts.onOpenFilingSince(), facts.ar11ReportedOn(), AddressForm.AR_11, windows);
        duty(moved, facts.onOpenCourtFilingSince(), facts.eoir33ReportedOn(), AddressForm.EOIR_33, windows);
        return windows;
    }

    private static void duty(
            LocalDate moved, LocalDate onFilingSince, LocalDate reportedOn, AddressForm form, List<AlertWindow> into) {
        if (onFilingSince == null || onFilingSince.isAfter(moved)) {
            return;
        }
        if (reportedOn != null && !reportedOn.isAfter(moved)) {
            return; // reported on the day of the move
        }
        into.add(new AlertWindow(
                AlertCode.ADDRESS_CHANGE_NOT_REPORTED,
                moved,
                reportedOn == null ? null : reportedOn.minusDays(1),
                form.name()));
    }

    /** The last day to report a move on {@code form}. */
    public static LocalDate deadlineOn(LocalDate movedOn, AddressForm form) {
        return movedOn.plusDays(form == AddressForm.AR_11 ? AR_11_DAYS : EOIR_33_DAYS);
    }

    public String summary(AlertWindow window, ClientFacts facts, LocalDate asOf) {
        AddressForm form = AddressForm.valueOf(window.duty());
        LocalDate deadline = deadlineOn(facts.movedOn(), form);
        String to = form == AddressForm.AR_11 ? "USCIS on Form AR-11" : "the immigration court on Form EOIR-33";
        long left = ChronoUnit.DAYS.between(asOf, deadline);
        String when = left > 0
                ? "by " + deadline + " (in " + Phrases.days(left) + ")"
                : left == 0 ? "by today, " + deadline : "by " + deadline + ": " + Phrases.days(-left) + " late";
        return "The client moved on " + facts.movedOn() + "; the new address must reach " + to + " " + when
                + ", or notices go to the old address.";
    }

    public List<AlertAction> actions(AlertWindow window, ClientFacts facts) {
        AddressForm form = AddressForm.valueOf(window.duty());
        return List.of(AlertAction.of(ActionKind.REPORT_ADDRESS_CHANGE)
                .who(form == AddressForm.AR_11 ? Who.USCIS : Who.IMMIGRATION_COURT)
                .form(form)
                .deadlineOn(deadlineOn(facts.movedOn(), form))
                .build());
    }
}
