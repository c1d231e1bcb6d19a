package org.asylumcasetracker.alert;

import static org.asylumcasetracker.filing.AlertAction.Item.APPOINTMENT_NOTICE;
import static org.asylumcasetracker.filing.AlertAction.Item.A_NUMBER;
import static org.asylumcasetracker.filing.AlertAction.Item.RECEIPT_NOTICE;

import java.util.ArrayList;
import java.util.List;
import org.asylumcasetracker.filing.ActionKind;
import org.asylumcasetracker.filing.AlertAction;
import org.asylumcasetracker.filing.AlertAction.Item;
import org.asylumcasetracker.filing.AlertAction.Who;

/**
 * The next steps several rules share: the USCIS Contact Center (1-800-375-5283, say "InfoPass"), the Nebraska
 * Service Center address for court filers' packages, and the identity documents an Application Support Center
 * accepts (USCIS, "Preparing for Your Biometric Services Appointment",
 * uscis.gov/forms/forms-information/preparing-your-biometric-services-appointment).
 */
final class NextSteps {

    static final String CONTACT_CENTER_PHONE = "1-800-375-5283";

    /** Said on the Contact Center's phone menu to be passed to a person. */
    static final String ASK_FOR_REPRESENTATIVE = "InfoPass";

    /** Said on the Contact Center's phone menu to move a biometrics appointment. */
    static final String ASK_TO_RESCHEDULE = "Reschedule biometrics appointment";

    static final String NEBRASKA_SERVICE_CENTER_ADDRESS = String.join(
            "\n",
            "USCIS Nebraska Service Center",
            "Defensive Asylum Application with Immigration Court",
            "P.O. Box 87589",
            "Lincoln, NE 68501-7589");

    static final int MINUTES_EARLY = 15;

    static final List<String> PRIMARY_ID = List.of(Item.PASSPORT, Item.GOVERNMENT_ID);

    /** What an Application Support Center accepts from someone without a valid government ID. */
    static final List<String> ALTERNATIVE_ID =
            List.of(Item.BIRTH_CERTIFICATE, Item.SCHOOL_ID, Item.EXPIRED_ID, Item.ID_COPY, Item.IMMIGRATION_DOCUMENT);

    private NextSteps() {}

    static AlertAction callContactCenter(List<String> haveReady) {
        return AlertAction.of(ActionKind.CALL)
                .who(Who.USCIS_CONTACT_CENTER)
                .phone(CONTACT_CENTER_PHONE)
                .haveReady(haveReady)
                .build();
    }

    /** A call about biometrics: the receipt notice helps only once there is one. */
    static AlertAction callContactCenterAboutBiometrics(FilingFacts facts) {
        return callContactCenter(withReceiptNotice(facts, List.of(A_NUMBER)));
    }

    static AlertAction callContactCenterToReschedule(FilingFacts facts) {
        return AlertAction.of(ActionKind.CALL)
                .who(Who.USCIS_CONTACT_CENTER)
                .phone(CONTACT_CENTER_PHONE)
                .say(ASK_TO_RESCHEDULE)
                .haveReady(withReceiptNotice(facts, List.of(A_NUMBER, APPOINTMENT_NOTICE)))
                .build();
    }

    static List<String> identityDocuments(FilingFacts facts) {
        return facts.clientHasPrimaryId() ? PRIMARY_ID : ALTERNATIVE_ID;
    }

    static AlertAction seekLegalHelp() {
        return AlertAction.of(ActionKind.SEEK_LEGAL_HELP)
                .who(Who.IMMIGRATION_ATTORNEY)
                .build();
    }

    private static List<String> withReceiptNotice(FilingFacts facts, List<String> items) {
        if (facts.receiptReceivedOn() == null) {
            return items;
        }
        List<String> withNotice = new ArrayList<>(items);
        withNotice.add(RECEIPT_NOTICE);
        return withNotice;
    }
}
