package org.asylumcasetracker.casestatus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.stream.Stream;
import org.asylumcasetracker.filing.EventType;
import org.asylumcasetracker.filing.Outcome;
import org.asylumcasetracker.filing.Transitions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The table of USCIS status texts and the events they propose. */
class StatusSuggestionsTest {

    static Stream<Arguments> texts() {
        return Stream.of(
                Arguments.of("Case Was Received", SuggestionKind.RECEIPT_NOTICE_SENT, EventType.RECEIPT_RECEIVED, null),
                Arguments.of(
                        "Case Was Received And A Receipt Notice Was Sent",
                        SuggestionKind.RECEIPT_NOTICE_SENT,
                        EventType.RECEIPT_RECEIVED,
                        null),
                Arguments.of(
                        "Fingerprint Appointment Was Scheduled",
                        SuggestionKind.BIOMETRICS_NOTICE_SENT,
                        EventType.BIOMETRICS_NOTICE_RECEIVED,
                        null),
                Arguments.of(
                        "  fingerprint   appointment was SCHEDULED ",
                        SuggestionKind.BIOMETRICS_NOTICE_SENT,
                        EventType.BIOMETRICS_NOTICE_RECEIVED,
                        null),
                Arguments.of(
                        "Biometrics Appointment Was Scheduled",
                        SuggestionKind.BIOMETRICS_NOTICE_SENT,
                        EventType.BIOMETRICS_NOTICE_RECEIVED,
                        null),
                Arguments.of(
                        "Case Was Updated To Show Fingerprints Were Taken",
                        SuggestionKind.BIOMETRICS_TAKEN,
                        EventType.BIOMETRICS_COMPLETED,
                        null),
                Arguments.of(
                        "Request To Reschedule My Appointment Was Received",
                        SuggestionKind.RESCHEDULE_RECEIVED,
                        EventType.RESCHEDULE_REQUESTED,
                        null),
                Arguments.of("Case Was Approved", SuggestionKind.APPROVED, EventType.CLOSED, Outcome.GRANTED),
                Arguments.of("Case Was Denied", SuggestionKind.DENIED, EventType.CLOSED, Outcome.DENIED),
                Arguments.of(
                        "Withdrawal Acknowledgement Notice Was Sent",
                        SuggestionKind.WITHDRAWN,
                        EventType.CLOSED,
                        Outcome.WITHDRAWN));
    }

    @ParameterizedTest
    @MethodSource("texts")
    void aKnownTextProposesItsEvent(String text, SuggestionKind kind, EventType event, Outcome outcome) {
        StatusSuggestions.Row row = StatusSuggestions.forStatus(text).orElseThrow();
        assertEquals(kind, row.kind());
        assertEquals(event, row.event());
        assertEquals(outcome, row.outcome());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Case Was Transferred And A New Office Has Jurisdiction",
                "Notice Was Returned To USCIS Because The Post Office Could Not Deliver It",
                "Interview Was Scheduled",
                "A status USCIS introduced last week",
                ""
            })
    void anUnknownTextProposesNothing(String text) {
        assertEquals(Optional.empty(), StatusSuggestions.forStatus(text));
    }

    @org.junit.jupiter.api.Test
    void everyRowProposesAnEventOfTheStateMachineWithTheFieldsItNeeds() {
        for (StatusSuggestions.Row row : StatusSuggestions.TABLE) {
            assertNotNull(Transitions.of(row.event()), row.statusText());
            if (row.event() == EventType.CLOSED) {
                assertNotNull(row.outcome(), row.statusText() + " closes with an outcome");
            } else {
                assertNull(row.outcome(), row.statusText());
            }
        }
        assertTrue(
                StatusSuggestions.TABLE.stream()
                                .map(r -> StatusSuggestions.normalize(r.statusText()))
                                .distinct()
                                .count()
                        == StatusSuggestions.TABLE.size(),
                "no text twice");
    }
}
