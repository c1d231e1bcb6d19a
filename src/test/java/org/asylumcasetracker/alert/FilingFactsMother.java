package org.asylumcasetracker.alert;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.asylumcasetracker.filing.AsylumFees;
import org.asylumcasetracker.filing.Channel;
import org.asylumcasetracker.filing.DeliveredVia;
import org.asylumcasetracker.filing.Stage;
import org.asylumcasetracker.filing.Venue;
import org.asylumcasetracker.filing.WorkPermitClock;

/**
 * Filings at each stage of the state machine, with one consistent story of dates: filed in mid-January 2026, receipt
 * in February, an appointment in March, an individual hearing in September. Tests change one fact at a time.
 */
final class FilingFactsMother {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    static final UUID FILING_ID = UUID.fromString("5f1d7c1e-8a41-4c55-9d0b-0a5c1e0f2a01");
    static final UUID CLIENT_ID = UUID.fromString("0c2b6d8e-3f4a-4b1c-8e7d-6a5b4c3d2e10");

    static final LocalDate FILED_ON = LocalDate.of(2026, 1, 15);
    static final LocalDate PACKAGE_MAILED_ON = LocalDate.of(2026, 1, 20);
    static final LocalDate RECEIPT_RECEIVED_ON = LocalDate.of(2026, 2, 10);
    static final LocalDate NOTICE_RECEIVED_ON = LocalDate.of(2026, 3, 2);
    /** 9:00 in New York, which is on daylight saving time (UTC−4) from 8 March 2026. */
    static final OffsetDateTime APPOINTMENT_AT = OffsetDateTime.of(2026, 3, 16, 9, 0, 0, 0, ZoneOffset.ofHours(-4));

    static final LocalDate APPOINTMENT_DATE = LocalDate.of(2026, 3, 16);
    static final LocalDate MISSED_ON = APPOINTMENT_DATE;
    static final LocalDate COMPLETED_ON = APPOINTMENT_DATE;
    static final OffsetDateTime INDIVIDUAL_HEARING_AT =
            OffsetDateTime.of(2026, 9, 14, 8, 30, 0, 0, ZoneOffset.ofHours(-4));
    static final LocalDate HEARING_DATE = LocalDate.of(2026, 9, 14);

    private FilingFactsMother() {}

    /** Filed on paper with USCIS, waiting for the receipt notice. */
    static Builder uscisMailFiling() {
        return new Builder(Venue.USCIS, Channel.MAIL, Stage.AWAITING_RECEIPT);
    }

    /** Filed online with USCIS, waiting for the receipt notice. */
    static Builder uscisOnlineFiling() {
        return new Builder(Venue.USCIS, Channel.ONLINE, Stage.AWAITING_RECEIPT);
    }

    /** Filed in immigration court; the package for USCIS is not mailed yet. */
    static Builder courtFiling() {
        return new Builder(Venue.IMMIGRATION_COURT, null, Stage.AWAITING_USCIS_PACKAGE);
    }

    /** Filed in court under the AUTOMATIC process: the wait for a biometrics notice starts at filing. */
    static Builder automaticCourtFiling() {
        return courtFiling().stage(Stage.AWAITING_BIOMETRICS_NOTICE).biometricsClockStartOn(FILED_ON);
    }

    static final class Builder {
        private Venue venue;
        private Channel channel;
        private Stage stage;
        private LocalDate receivedOn;
        private List<WorkPermitClock.Fact> workPermitClockFacts = List.of();
        private List<AsylumFees.Notice> feeNotices = List.of();
        private LocalDate filedOn = FILED_ON;
        private LocalDate packageMailedOn;
        private LocalDate receiptReceivedOn;
        private LocalDate biometricsClockStartOn;
        private LocalDate noticeReceivedOn;
        private OffsetDateTime appointmentAt;
        private DeliveredVia deliveredVia;
        private LocalDate missedOn;
        private LocalDate completedOn;
        private Boolean stampedNoticeKept;
        private OffsetDateTime individualHearingAt;
        private boolean workPermitFiled;
        private boolean clientHasPrimaryId = true;

        private Builder(Venue venue, Channel channel, Stage stage) {
            this.venue = venue;
            this.channel = channel;
            this.stage = stage;
        }

        Builder awaitingReceipt() {
            if (venue == Venue.IMMIGRATION_COURT) {
                packageMailedOn = PACKAGE_MAILED_ON;
            }
            return stage(Stage.AWAITING_RECEIPT);
        }

        Builder awaitingBiometricsNotice() {
            awaitingReceipt();
            receiptReceivedOn = RECEIPT_RECEIVED_ON;
            biometricsClockStartOn = RECEIPT_RECEIVED_ON;
            return stage(Stage.AWAITING_BIOMETRICS_NOTICE);
        }

        Builder biometricsScheduled() {
            awaitingBiometricsNotice();
            noticeReceivedOn = NOTICE_RECEIVED_ON;
            appointmentAt = APPOINTMENT_AT;
            deliveredVia = channel == Channel.ONLINE ? DeliveredVia.ONLINE_ACCOUNT : DeliveredVia.MAIL;
            return stage(Stage.BIOMETRICS_SCHEDULED);
        }

        Builder biometricsMissed() {
            biometricsScheduled();
            missedOn = MISSED_ON;
            return stage(Stage.BIOMETRICS_MISSED);
        }

        Builder biometricsCompleted() {
            biometricsScheduled();
            completedOn = COMPLETED_ON;
            stampedNoticeKept = true;
            return stage(Stage.BIOMETRICS_COMPLETED);
        }

        Builder closed() {
            return stage(Stage.CLOSED);
        }

        Builder stage(Stage stage) {
            this.stage = stage;
            return this;
        }

        Builder venue(Venue venue) {
            this.venue = venue;
            return this;
        }

        Builder channel(Channel channel) {
            this.channel = channel;
            return this;
        }

        Builder filedOn(LocalDate filedOn) {
            this.filedOn = filedOn;
            return this;
        }

        Builder packageMailedOn(LocalDate packageMailedOn) {
            this.packageMailedOn = packageMailedOn;
            return this;
        }

        Builder receiptReceivedOn(LocalDate receiptReceivedOn) {
            this.receiptReceivedOn = receiptReceivedOn;
            return this;
        }

        Builder biometricsClockStartOn(LocalDate biometricsClockStartOn) {
            this.biometricsClockStartOn = biometricsClockStartOn;
            return this;
        }

        Builder noticeReceivedOn(LocalDate noticeReceivedOn) {
            this.noticeReceivedOn = noticeReceivedOn;
            return this;
        }

        Builder appointmentAt(OffsetDateTime appointmentAt) {
            this.appointmentAt = appointmentAt;
            return this;
        }

        Builder missedOn(LocalDate missedOn) {
            this.missedOn = missedOn;
            return this;
        }

        Builder completedOn(LocalDate completedOn) {
            this.completedOn = completedOn;
            return this;
        }

        Builder stampedNoticeKept(Boolean stampedNoticeKept) {
            this.stampedNoticeKept = stampedNoticeKept;
            return this;
        }

        Builder individualHearingAt(OffsetDateTime individualHearingAt) {
            this.individualHearingAt = individualHearingAt;
            return this;
        }

        Builder individualHearingSet() {
            return individualHearingAt(INDIVIDUAL_HEARING_AT);
        }

        Builder workPermitFiled(boolean workPermitFiled) {
            this.workPermitFiled = workPermitFiled;
            return this;
        }

        Builder receivedOn(LocalDate receivedOn) {
            this.receivedOn = receivedOn;
            return this;
        }

        /** The stops and restarts of the work-permit clock, in any order. */
        Builder workPermitClock(WorkPermitClock.Fact... facts) {
            this.workPermitClockFacts = List.of(facts);
            return this;
        }

        Builder feeNotices(AsylumFees.Notice... notices) {
            this.feeNotices = List.of(notices);
            return this;
        }

        Builder clientHasPrimaryId(boolean clientHasPrimaryId) {
            this.clientHasPrimaryId = clientHasPrimaryId;
            return this;
        }

        FilingFacts build() {
            return new FilingFacts(
                    FILING_ID,
                    CLIENT_ID,
                    venue,
                    channel,
                    stage,
                    filedOn,
                    packageMailedOn,
                    receiptReceivedOn,
                    biometricsClockStartOn,
                    noticeReceivedOn,
                    appointmentAt,
                    deliveredVia,
                    missedOn,
                    completedOn,
                    stampedNoticeKept,
                    individualHearingAt,
                    workPermitFiled,
                    clientHasPrimaryId,
                    false,
                    receivedOn,
                    workPermitClockFacts,
                    feeNotices,
                    true);
        }
    }
}
