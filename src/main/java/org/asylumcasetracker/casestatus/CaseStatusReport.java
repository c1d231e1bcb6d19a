package org.asylumcasetracker.casestatus;

import java.time.LocalDate;

/**
 * What USCIS answered for a receipt number, as kept by the service: the English title and description of
 * the current status, the form and the day USCIS last changed the case (when it said).
 */
public record CaseStatusReport(
        String receiptNumber, String statusText, String statusDescription, String formType, LocalDate modifiedOn) {

    @Override
    public String toString() {
        return "CaseStatusReport[" + statusText + "]";
    }
}
