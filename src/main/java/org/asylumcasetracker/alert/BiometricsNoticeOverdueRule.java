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
 * A biometrics appointment notice should follow within {@code biometricsNoticeOverdueMonths} of the moment
 * the wait began (receipt, reschedule, or an AUTOMATIC court filing); the filing code records that moment.
 *
 * <p>Source: 8 CFR 103.2(b)(9) (USCIS schedules and notifies the biometrics appointment); in court,
 * 8 CFR 1003.47; what to do when it does not come: the USCIS Contact Center, uscis.gov/contactcenter. The
 * two months are the product's default threshold.
 */
public final class BiometricsNoticeOverdueRule implements AlertRule {

    @Override
    public AlertCode code() {
        return AlertCode.BIOMETRICS_NOTICE_OVERDUE;
    }

    @Override
    public Optional<AlertWindow> window(FilingFacts facts, OrganizationSettings settings, ZoneId zone) {
        if (facts.stage() != Stage.AWAITING_BIOMETRICS_NOTICE) {
            return Optional.empty();
        }
        return Optional.ofNullable(facts.biometricsClockStartOn())
                .map(clockStart ->
                        AlertWindow.from(code(), clockStart.plusMonths(settings.biometricsNoticeOverdueMonths())));
    }

    @Override
    public String summary(FilingFacts facts, OrganizationSettings settings, ZoneId zone, LocalDate asOf) {
        return "No biometrics appointment notice has been recorded within "
                + Phrases.months(settings.biometricsNoticeOverdueMonths()) + " of " + waitBeganWith(facts) + ".";
    }

    @Override
    public List<AlertAction> actions(FilingFacts facts, OrganizationSettings settings, ZoneId zone, LocalDate asOf) {
        AlertAction call = NextSteps.callContactCenterAboutBiometrics(facts);
        if (facts.filedInCourt()) {
            return List.of(call);
        }
        // Online filers get the notice in their USCIS account, so a call is only worth it once that is checked.
        if (facts.channel() == Channel.ONLINE) {
            return List.of(
                    AlertAction.of(ActionKind.CHECK_ONLINE_ACCOUNT)
                            .who(Who.CLIENT)
                            .build(),
                    call);
        }
        return List.of(
                AlertAction.of(ActionKind.CHECK_CASE_STATUS)
                        .who(Who.CLIENT)
                        .haveReady(List.of(Item.RECEIPT_NOTICE))
                        .build(),
                call);
    }

    private static String waitBeganWith(FilingFacts facts) {
        LocalDate clockStart = facts.biometricsClockStartOn();
        if (clockStart.equals(facts.receiptReceivedOn())) {
            return "the receipt notice";
        }
        if (facts.receiptReceivedOn() == null && clockStart.equals(facts.filedOn())) {
            return "the court filing";
        }
        return "the reschedule request";
    }
}
