package org.asylumcasetracker.alert;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.asylumcasetracker.filing.ActionKind;
import org.asylumcasetracker.filing.AlertAction;
import org.asylumcasetracker.filing.AlertAction.Item;
import org.asylumcasetracker.filing.AlertAction.Who;
import org.asylumcasetracker.filing.AlertCode;
import org.asylumcasetracker.filing.Channel;
import org.asylumcasetracker.filing.Stage;
import org.asylumcasetracker.organization.OrganizationSettings;

/**
 * USCIS should have sent a receipt notice within {@code receiptOverdueMonths} of getting the papers: the
 * application itself for a USCIS filing, the mailed package for a court filing.
 *
 * <p>Source: the USCIS Contact Center, uscis.gov/contactcenter (say "InfoPass" to reach a representative);
 * the receipt notice is Form I-797C (8 CFR 103.2(a)(7)). The three months are the product's default threshold.
 */
public final class ReceiptOverdueRule implements AlertRule {

    @Override
    public AlertCode code() {
        return AlertCode.RECEIPT_OVERDUE;
    }

    @Override
    public Optional<AlertWindow> window(FilingFacts facts, OrganizationSettings settings, ZoneId zone) {
        if (facts.stage() != Stage.AWAITING_RECEIPT) {
            return Optional.empty();
        }
        return Optional.ofNullable(papersSentOn(facts))
                .map(sentOn -> AlertWindow.from(code(), sentOn.plusMonths(settings.receiptOverdueMonths())));
    }

    @Override
    public String summary(FilingFacts facts, OrganizationSettings settings, ZoneId zone, LocalDate asOf) {
        String since = facts.filedInCourt() ? "mailing the package to USCIS" : "filing with USCIS";
        return "No receipt notice has been recorded within " + Phrases.months(settings.receiptOverdueMonths()) + " of "
                + since + ".";
    }

    @Override
    public List<AlertAction> actions(FilingFacts facts, OrganizationSettings settings, ZoneId zone, LocalDate asOf) {
        return List.of(AlertAction.of(ActionKind.CALL)
                .who(Who.USCIS_CONTACT_CENTER)
                .phone(NextSteps.CONTACT_CENTER_PHONE)
                .say(NextSteps.ASK_FOR_REPRESENTATIVE)
                // an online filing was never mailed: there is no mailing date or tracking number to give
                .haveReady(
                        facts.channel() == Channel.ONLINE
                                ? List.of(Item.A_NUMBER)
                                : List.of(Item.A_NUMBER, Item.MAILING_DATE, Item.TRACKING_NUMBER))
                .build());
    }

    private static LocalDate papersSentOn(FilingFacts facts) {
        return facts.filedInCourt() ? facts.packageMailedOn() : facts.filedOn();
    }
}
