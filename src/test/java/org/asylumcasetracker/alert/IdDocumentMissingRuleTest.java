package org.asylumcasetracker.alert;

import static org.asylumcasetracker.alert.AlertProbe.alertOn;
import static org.asylumcasetracker.alert.AlertProbe.assertRaised;
import static org.asylumcasetracker.alert.AlertProbe.windowOf;
import static org.asylumcasetracker.alert.FilingFactsMother.courtFiling;
import static org.asylumcasetracker.alert.FilingFactsMother.uscisMailFiling;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.asylumcasetracker.filing.ActionKind;
import org.asylumcasetracker.filing.Alert;
import org.asylumcasetracker.filing.AlertAction;
import org.asylumcasetracker.filing.AlertAction.Item;
import org.asylumcasetracker.filing.AlertAction.Who;
import org.asylumcasetracker.filing.AlertCode;
import org.asylumcasetracker.filing.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class IdDocumentMissingRuleTest {

    private static final AlertCode CODE = AlertCode.ID_DOCUMENT_MISSING;

    private static FilingFacts scheduledWithoutPrimaryId() {
        return courtFiling().biometricsScheduled().clientHasPrimaryId(false).build();
    }

    @ParameterizedTest(name = "notice 2026-03-02, as of {0}: days overdue {1}")
    @CsvSource(
            nullValues = "-",
            value = {
                "2026-03-01, -",
                "2026-03-02, 0", // the day the notice arrived
                "2026-03-10, 8",
                "2026-03-20, 18", // still raised after the appointment date while the stage is unchanged
            })
    void isDueTheDayTheAppointmentNoticeArrives(LocalDate asOf, Long daysOverdue) {
        assertRaised(CODE, scheduledWithoutPrimaryId(), asOf, daysOverdue);
    }

    static Stream<Arguments> filingsThatNeedNoOtherId() {
        return Stream.of(
                Arguments.of(
                        "client has a passport or government ID",
                        courtFiling()
                                .biometricsScheduled()
                                .clientHasPrimaryId(true)
                                .build()),
                Arguments.of(
                        "no appointment yet",
                        uscisMailFiling()
                                .awaitingBiometricsNotice()
                                .clientHasPrimaryId(false)
                                .build()),
                Arguments.of(
                        "biometrics done",
                        uscisMailFiling()
                                .biometricsCompleted()
                                .clientHasPrimaryId(false)
                                .build()),
                Arguments.of(
                        "notice date unknown",
                        uscisMailFiling()
                                .biometricsScheduled()
                                .clientHasPrimaryId(false)
                                .noticeReceivedOn(null)
                                .build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filingsThatNeedNoOtherId")
    void isOnlyForScheduledClientsWithoutPassportOrGovernmentId(String description, FilingFacts facts) {
        assertTrue(windowOf(CODE, facts).isEmpty());
    }

    @Test
    void tellsToGatherTheAlternativeDocuments() {
        Alert alert = alertOn(CODE, scheduledWithoutPrimaryId(), LocalDate.of(2026, 3, 5))
                .orElseThrow();

        var gather = AlertAction.of(ActionKind.GATHER_DOCUMENTS)
                .who(Who.CLIENT)
                .bringOneOf(List.of(
                        Item.BIRTH_CERTIFICATE,
                        Item.SCHOOL_ID,
                        Item.EXPIRED_ID,
                        Item.ID_COPY,
                        Item.IMMIGRATION_DOCUMENT))
                .build();
        assertEquals(List.of(gather), alert.actions());
        assertEquals(Severity.MEDIUM, alert.severity());
    }
}
