package org.asylumcasetracker.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.asylumcasetracker.alert.AlertRules;
import org.asylumcasetracker.alert.ClientAlertRules;
import org.asylumcasetracker.alert.ClientFacts;
import org.asylumcasetracker.alert.FilingFacts;
import org.asylumcasetracker.client.Client;
import org.asylumcasetracker.client.ClientRepository;
import org.asylumcasetracker.client.IdentityDocument;
import org.asylumcasetracker.client.OneYearDeadlineException;
import org.asylumcasetracker.filing.Alert;
import org.asylumcasetracker.filing.AlertCode;
import org.asylumcasetracker.filing.Channel;
import org.asylumcasetracker.filing.ContactChannel;
import org.asylumcasetracker.filing.DeliveredVia;
import org.asylumcasetracker.filing.EventType;
import org.asylumcasetracker.filing.Filing;
import org.asylumcasetracker.filing.FilingEvent;
import org.asylumcasetracker.filing.FilingHistory;
import org.asylumcasetracker.filing.FilingRepository;
import org.asylumcasetracker.filing.HearingKind;
import org.asylumcasetracker.filing.Outcome;
import org.asylumcasetracker.filing.RescheduleVia;
import org.asylumcasetracker.filing.Venue;
import org.asylumcasetracker.organization.CourtBiometricsProcess;
import org.asylumcasetracker.organization.Organization;
import org.asylumcasetracker.organization.OrganizationRepository;
import org.asylumcasetracker.platform.problem.DomainException;
import org.asylumcasetracker.support.AllOrganizations;
import org.junit.jupiter.api.Test;

/**
 * The report reads stored windows with SQL; a filing's alerts and a person's own alerts are computed by the rules.
 * For a few thousand random filings in random stages (with their timelines, which the work-permit clock reads),
 * clients with random arrivals, exceptions and moves, and random days to ask about, both must give the same alerts,
 * and the report must list them in its promised order.
 */
@QuarkusTest
class ReportAgreesWithFilingAlertsTest {

    private static final int FILINGS = 2000;
    private static final int CLIENTS = 60;
    private static final int DAYS_ASKED = 25;
    /** Clients on no filing: only their own alerts (the one-year deadline) can be raised. */
    private static final int WAITING_CLIENTS = 20;

    private static final ZoneId ZONE = ZoneId.of("America/Chicago");

    @Inject
    OrganizationRepository organizations;

    @Inject
    ClientRepository clients;

    @Inject
    FilingRepository filings;

    @Inject
    AlertWindowStore windows;

    @Inject
    OverdueQueries queries;

    @Inject
    ClientFactsReader clientFacts;

    @Test
    void reportRowsEqualPerFilingEvaluation() {
        Random random = new Random(20261126L);
        String org = "prop-" + UUID.randomUUID().toString().substring(0, 8);
        LocalDate today = LocalDate.now(ZONE);
        Map<UUID, Boolean> primaryIdByClient = new HashMap<>();
        List<UUID> filingIds = new ArrayList<>();
        Map<UUID, List<FilingEvent>> timelines = new HashMap<>();
        List<UUID> everyClient = new ArrayList<>();

        List<UUID> clientIds = new ArrayList<>();
        AllOrganizations.run(300, () -> {
            organizations.persist(new Organization(org, "Property Clinic", ZONE));
            for (int i = 0; i < CLIENTS + WAITING_CLIENTS; i++) {
                Client client = new Client(org);
                Set<IdentityDocument> documents = random.nextBoolean()
                        ? Set.of(IdentityDocument.PASSPORT)
                        : Set.of(IdentityDocument.BIRTH_CERTIFICATE);
                client.update(
                        null,
                        "Client",
                        "No" + i,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        random.nextBoolean() ? today.minusDays(random.nextInt(900)) : null,
                        documents,
                        "cw" + random.nextInt(4),
                        random.nextInt(4) == 0 ? OneYearDeadlineException.CHANGED_CIRCUMSTANCES : null);
                if (random.nextBoolean()) {
                    client.movedOn(today.minusDays(random.nextInt(400)));
                }
                clients.persist(client);
                everyClient.add(client.getId());
                if (i < CLIENTS) {
                    clientIds.add(client.getId());
                }
                primaryIdByClient.put(client.getId(), client.hasPrimaryId());
            }
        });
        // in batches, so that a slow machine does not run into the transaction timeout
        for (int batch = 0; batch < FILINGS / 200; batch++) {
            AllOrganizations.run(300, () -> {
                Organization organization = organizations.findById(org);
                for (int i = 0; i < 200; i++) {
                    UUID clientId = clientIds.get(random.nextInt(CLIENTS));
                    List<FilingEvent> timeline = new ArrayList<>();
                    Filing filing = randomFiling(random, org, clientId, clientIds, today, timeline);
                    filings.persist(filing);
                    timelines.put(filing.getId(), timeline);
                    windows.replace(filing, timeline, organization, primaryIdByClient);
                    filingIds.add(filing.getId());
                }
            });
        }

        // the people's own alerts: the one-year deadline (those without a filing too) and moves to report
        AllOrganizations.run(300, () -> windows.replaceClients(everyClient, organizations.findById(org)));

        int compared = 0;
        for (int d = 0; d < DAYS_ASKED; d++) {
            LocalDate asOf = today.minusDays(900).plusDays(random.nextInt(1300));
            OverdueFilter filter = new OverdueFilter(asOf, null, null, null, null);
            List<OverdueRow> rows = new ArrayList<>();
            List<Alert> expected = new ArrayList<>();
            long[] count = new long[1];
            AllOrganizations.run(300, () -> {
                queries.each(org, filter, Integer.MAX_VALUE, rows::add);
                count[0] = queries.count(org, filter);
                Organization organization = organizations.findById(org);
                for (ClientFacts person : clientFacts.read(everyClient).values()) {
                    expected.addAll(ClientAlertRules.evaluate(person, organization.settings(), asOf));
                }
                for (Filing filing : filings.list("organizationId", org)) {
                    // folded again from the events up to asOf, not read from the filing's row
                    List<FilingHistory.Entry> inEffect = timelines.get(filing.getId()).stream()
                            .filter(e -> !e.isRetracted())
                            .sorted(Comparator.comparingInt(FilingEvent::getSequence))
                            .map(e -> e.toEntry(filing.getClientId()))
                            .toList();
                    for (FilingFacts person : FilingFacts.ofEveryone(
                            filing, filing.progressOn(asOf, inEffect, ZONE), primaryIdByClient)) {
                        expected.addAll(AlertRules.evaluate(person, organization.settings(), ZONE, asOf));
                    }
                }
            });
            Set<String> fromReport = new HashSet<>();
            for (OverdueRow row : rows) {
                // a move's duty is its form; the fee alerts' duties (a year, a notice) are told apart by due day
                String duty = row.code() == AlertCode.ADDRESS_CHANGE_NOT_REPORTED ? row.duty() : null;
                fromReport.add(row.filingId() + "|" + row.clientId() + "|" + row.code() + "|" + duty + "|" + row.dueOn()
                        + "|" + row.daysOverdue());
            }
            Set<String> fromRules = new HashSet<>();
            for (Alert alert : expected) {
                String duty = alert.code() != AlertCode.ADDRESS_CHANGE_NOT_REPORTED
                                || alert.actions().isEmpty()
                                || alert.actions().get(0).form() == null
                        ? null
                        : alert.actions().get(0).form().name();
                fromRules.add(alert.filingId() + "|" + alert.clientId() + "|" + alert.code() + "|" + duty + "|"
                        + alert.dueOn() + "|" + alert.daysOverdue());
            }
            assertEquals(fromRules, fromReport, "as of " + asOf);
            assertEquals(rows.size(), count[0]);
            assertEquals(rows.size(), fromReport.size(), "no row twice");
            List<OverdueRow> sorted = new ArrayList<>(rows);
            sorted.sort(Comparator.comparing((OverdueRow r) -> r.code().severity())
                    .thenComparing(OverdueRow::daysOverdue, Comparator.reverseOrder())
                    .thenComparing(r -> r.code().name())
                    .thenComparing(r -> String.valueOf(r.filingId())));
            assertEquals(
                    sorted.stream()
                            .map(r -> r.code().severity() + "|" + r.daysOverdue())
                            .toList(),
                    rows.stream()
                            .map(r -> r.code().severity() + "|" + r.daysOverdue())
                            .toList(),
                    "report order");
            compared += rows.size();
        }
        assertEquals(FILINGS, filingIds.size());
        assertTrue(compared > 5_000, "the random filings should raise plenty of alerts, got " + compared);
    }

    /**
     * A filing opened on a random day, a third of them with one to three family members, moved through a random
     * number of allowed events, each event about one person given to a random person on it.
     */
    private static Filing randomFiling(
            Random random,
            String org,
            UUID clientId,
            List<UUID> clientIds,
            LocalDate today,
            List<FilingEvent> timeline) {
        Venue venue = random.nextBoolean() ? Venue.USCIS : Venue.IMMIGRATION_COURT;
        Channel channel = venue == Venue.USCIS ? (random.nextBoolean() ? Channel.MAIL : Channel.ONLINE) : null;
        LocalDate day = today.minusDays(random.nextInt(800));
        Filing filing = Filing.open(
                org,
                clientId,
                venue,
                channel,
                day,
                random.nextInt(4) == 0 ? CourtBiometricsProcess.AUTOMATIC : CourtBiometricsProcess.MAIL_PACKAGE);
        List<UUID> family = new ArrayList<>();
        if (random.nextInt(3) == 0) {
            for (int m = 1 + random.nextInt(3); family.size() < m; ) {
                UUID member = clientIds.get(random.nextInt(clientIds.size()));
                if (!member.equals(clientId) && !family.contains(member)) {
                    family.add(member);
                }
            }
        }
        OffsetDateTime hearing = venue == Venue.IMMIGRATION_COURT && random.nextBoolean()
                ? at(day.plusDays(60 + random.nextInt(400)))
                : null;
        filing.describe(null, channel, day, "Court", hearing, family);
        filing.refold(List.of(), ZONE);
        List<UUID> people = new ArrayList<>(family);
        people.add(0, clientId);
        OffsetDateTime recorded = OffsetDateTime.now(ZoneOffset.UTC);
        int steps = random.nextInt(7);
        for (int i = 0; i < steps; i++) {
            List<EventType> allowed = filing.allowedEvents();
            if (allowed.isEmpty()) {
                break;
            }
            EventType type = allowed.get(random.nextInt(allowed.size()));
            if (type == EventType.CLOSED && random.nextInt(4) != 0) {
                continue;
            }
            day = day.plusDays(1 + random.nextInt(70));
            Filing.EventContext context = new Filing.EventContext(day, "generator", recorded, ZONE)
                    .about(people.get(random.nextInt(people.size())));
            try {
                FilingEvent recordedEvent = switch (type) {
                    case USCIS_PACKAGE_MAILED -> filing.recordPackageMailed(context, "TRACK" + i);
                    case RECEIPT_RECEIVED -> filing.recordReceipt(context, "IOE0912345678");
                    case BIOMETRICS_NOTICE_RECEIVED ->
                        filing.recordBiometricsNotice(
                                context,
                                at(day.plusDays(random.nextInt(60))).plusHours(random.nextInt(15)),
                                "ASC",
                                random.nextBoolean() ? DeliveredVia.MAIL : null);
                    case RESCHEDULE_REQUESTED ->
                        filing.requestReschedule(context, RescheduleVia.PHONE, recorded, null, 12, 2);
                    case BIOMETRICS_COMPLETED -> filing.recordBiometricsCompleted(context, random.nextBoolean());
                    case BIOMETRICS_MISSED -> filing.recordBiometricsMissed(context);
                    case BIOMETRICS_REUSED -> filing.recordBiometricsReused(context);
                    case STAMPED_NOTICE_CONFIRMED -> filing.confirmStampedNotice(context);
                    case HEARING_SCHEDULED ->
                        filing.scheduleHearing(
                                context,
                                at(day.plusDays(random.nextInt(300))),
                                random.nextBoolean() ? HearingKind.INDIVIDUAL : HearingKind.MASTER_CALENDAR);
                    case CONTACT_LOGGED -> filing.logContact(context, ContactChannel.USCIS_CONTACT_CENTER, null);
                    case WORK_PERMIT_FILED -> filing.recordWorkPermitFiled(context);
                    case CLOSED -> filing.close(context, Outcome.OTHER);
                    default -> null; // events this generator does not make
                };
                if (recordedEvent != null) {
                    timeline.add(recordedEvent);
                }
            } catch (DomainException refused) {
                // a refused move leaves the filing as it was, which is a state worth testing too
            }
        }
        if (!timeline.isEmpty() && random.nextInt(3) == 0) {
            // a supervisor takes the latest event back: the history is told as if it never happened
            FilingEvent latest = timeline.get(timeline.size() - 1);
            filing.retract(
                    latest,
                    timeline.subList(0, timeline.size() - 1).stream()
                            .map(e -> e.toEntry(filing.getClientId()))
                            .toList(),
                    "supervisor",
                    "supervisor-subject",
                    recorded,
                    ZONE);
        }
        return filing;
    }

    private static OffsetDateTime at(LocalDate day) {
        return day.atTime(9, 30).atZone(ZONE).toOffsetDateTime();
    }
}
