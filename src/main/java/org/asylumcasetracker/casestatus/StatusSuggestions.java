package org.asylumcasetracker.casestatus;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.asylumcasetracker.filing.EventType;
import org.asylumcasetracker.filing.Outcome;

/**
 * The USCIS status texts (the English title, {@code current_case_status_text_en}) that propose an event, as
 * data. The titles are those USCIS's Case Status Online shows, which the API returns
 * (https://developer.uscis.gov/api/case-status; https://egov.uscis.gov/casestatus/landing.do). Texts are
 * compared without regard to case, surrounding spaces or repeated inner spaces. A text that is not here
 * (USCIS has hundreds, and adds new ones) proposes nothing: it is still kept in the status history, shown
 * as USCIS wrote it, and announced by the {@code CASE_STATUS_CHANGED} webhook.
 */
public final class StatusSuggestions {

    /** One row: a USCIS title, what it means, and the event it proposes (with the outcome for CLOSED). */
    public record Row(String statusText, SuggestionKind kind, EventType event, Outcome outcome) {}

    public static final List<Row> TABLE = List.of(
            new Row("Case Was Received", SuggestionKind.RECEIPT_NOTICE_SENT, EventType.RECEIPT_RECEIVED, null),
            new Row(
                    "Case Was Received And A Receipt Notice Was Sent",
                    SuggestionKind.RECEIPT_NOTICE_SENT,
                    EventType.RECEIPT_RECEIVED,
                    null),
            new Row(
                    "Case Was Received And A Receipt Notice Was Emailed",
                    SuggestionKind.RECEIPT_NOTICE_SENT,
                    EventType.RECEIPT_RECEIVED,
                    null),
            new Row(
                    "Fingerprint Appointment Was Scheduled",
                    SuggestionKind.BIOMETRICS_NOTICE_SENT,
                    EventType.BIOMETRICS_NOTICE_RECEIVED,
                    null),
            new Row(
                    "Biometrics Appointment Was Scheduled",
                    SuggestionKind.BIOMETRICS_NOTICE_SENT,
                    EventType.BIOMETRICS_NOTICE_RECEIVED,
                    null),
            new Row(
                    "Request for Applicant to Appear for Biometrics Was Sent",
                    SuggestionKind.BIOMETRICS_NOTICE_SENT,
                    EventType.BIOMETRICS_NOTICE_RECEIVED,
                    null),
            new Row(
                    "Case Was Updated To Show Fingerprints Were Taken",
                    SuggestionKind.BIOMETRICS_TAKEN,
                    EventType.BIOMETRICS_COMPLETED,
                    null),
            new Row(
                    "Request To Reschedule My Appointment Was Received",
                    SuggestionKind.RESCHEDULE_RECEIVED,
                    EventType.RESCHEDULE_REQUESTED,
                    null),
            new Row("Case Was Approved", SuggestionKind.APPROVED, EventType.CLOSED, Outcome.GRANTED),
            new Row("Case Was Denied", SuggestionKind.DENIED, EventType.CLOSED, Outcome.DENIED),
            new Row(
                    "Withdrawal Acknowledgement Notice Was Sent",
                    SuggestionKind.WITHDRAWN,
                    EventType.CLOSED,
                    Outcome.WITHDRAWN));

    private static final Map<String, Row> BY_TEXT = TABLE.stream()
            .collect(Collectors.toUnmodifiableMap(row -> normalize(row.statusText()), Function.identity()));

    private StatusSuggestions() {}

    /** The row for a status text, if it proposes an event. */
    public static Optional<Row> forStatus(String statusText) {
        return statusText == null ? Optional.empty() : Optional.ofNullable(BY_TEXT.get(normalize(statusText)));
    }

    /** Two texts that differ only in case or spacing are the same status. */
    public static String normalize(String statusText) {
        return statusText.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
