package org.asylumcasetracker.dev;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.asylumcasetracker.client.Client;
import org.asylumcasetracker.client.ClientRepository;
import org.asylumcasetracker.client.IdentityDocument;
import org.asylumcasetracker.client.MailingAddress;
import org.asylumcasetracker.filing.AsylumFees;
import org.asylumcasetracker.filing.Channel;
import org.asylumcasetracker.filing.Filing;
import org.asylumcasetracker.filing.FilingEvent;
import org.asylumcasetracker.filing.FilingEventRepository;
import org.asylumcasetracker.filing.FilingRepository;
import org.asylumcasetracker.filing.HearingKind;
import org.asylumcasetracker.filing.Venue;
import org.asylumcasetracker.organization.Organization;
import org.asylumcasetracker.organization.OrganizationRepository;
import org.asylumcasetracker.platform.persistence.AcrossOrganizations;
import org.asylumcasetracker.report.AlertWindowStore;
import org.jboss.logging.Logger;

/**
 * Dev mode only: the demo users' organizations and a few made-up clients whose filings stand at
 * different points, so that the alerts and reports have something to show. Created once in the
 * persistent dev database.
 */
@IfBuildProfile("dev")
@ApplicationScoped
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class);
    private static final ZoneId DEMO_ZONE = ZoneId.of("America/New_York");
    private static final String SEEDER = "demo-data";

    private final OrganizationRepository organizations;
    private final ClientRepository clients;
    private final FilingRepository filings;
    private final FilingEventRepository events;
    private final AlertWindowStore windows;
    private final Clock clock;

    public DemoData(
            OrganizationRepository organizations,
            ClientRepository clients,
            FilingRepository filings,
            FilingEventRepository events,
            AlertWindowStore windows,
            Clock clock) {
        this.organizations = organizations;
        this.clients = clients;
        this.filings = filings;
        this.events = events;
        this.windows = windows;
        this.clock = clock;
    }

    @AcrossOrganizations
    @Transactional
    void seed(@Observes StartupEvent event) {
        if (organizations.findByIdOptional("demo").isPresent()) {
            return;
        }
        Organization demo = new Organization("demo", "Demo Immigration Legal Services", DEMO_ZONE);
        organizations.persist(demo);
        organizations.persist(new Organization("other-clinic", "Other Clinic", ZoneId.of("America/Los_Angeles")));
        LocalDate today = LocalDate.now(clock.withZone(demo.zone()));
        OffsetDateTime now = OffsetDateTime.now(clock);

        // Filed by mail four months ago; the receipt never came.
        Client mariam = client(demo, "Mariam", "Example", Set.of(IdentityDocument.PASSPORT), "alice", null);
        Filing mailed = open(demo, mariam, Venue.USCIS, Channel.MAIL, today.minusMonths(4));
        // USCIS asked for the asylum fee three weeks ago; it is due in nine days.
        LocalDate feeNoticeOn = today.minusDays(21);
        record(mailed.recordFeeNotice(
                context(feeNoticeOn, now), new BigDecimal("100.00"), feeNoticeOn.plusDays(AsylumFees.DAYS_TO_PAY)));

        // Filed online; the biometrics appointment is next week.
        Client jose = client(demo, "José", "Sample", Set.of(IdentityDocument.BIRTH_CERTIFICATE), "alice", null);
        Filing online = open(demo, jose, Venue.USCIS, Channel.ONLINE, today.minusMonths(3));
        record(online.recordReceipt(context(today.minusMonths(3).plusDays(10), now), "IOE0912345678"));
        record(online.recordBiometricsNotice(
                context(today.minusDays(3), now),
                today.plusDays(6).atTime(9, 0).atZone(demo.zone()).toOffsetDateTime(),
                "USCIS Application Support Center, Newark NJ",
                null));

        // Filed in court; the package went out, the appointment was missed and the hearing is near.
        Client li = client(demo, "Li", "Placeholder", Set.of(), "bob", null);
        Filing court = open(demo, li, Venue.IMMIGRATION_COURT, null, today.minusMonths(6));
        record(court.recordPackageMailed(context(today.minusMonths(6).plusDays(5), now), "9400100000000000000000"));
        record(court.recordReceipt(context(today.minusMonths(5), now), "ZLA2412345678"));
        record(court.scheduleHearing(
                context(today.minusMonths(4), now),
                today.plusDays(45).atTime(8, 30).atZone(demo.zone()).toOffsetDateTime(),
                HearingKind.INDIVIDUAL));
        record(court.recordBiometricsNotice(
                context(today.minusDays(30), now),
                today.minusDays(10).atTime(10, 0).atZone(demo.zone()).toOffsetDateTime(),
                "USCIS Application Support Center, Elizabeth NJ",
                null));
        record(court.recordBiometricsMissed(context(today.minusDays(10), now)));

        // A family of three on one court application: the mother went to her appointment, her son missed his and
        // has no ID, the daughter's notice has not come; the individual hearing is seven weeks away.
        Client amal = client(demo, "Amal", "Family", Set.of(IdentityDocument.PASSPORT), "alice", today.minusMonths(15));
        Client omar =
                client(demo, "Omar", "Family", Set.of(IdentityDocument.SCHOOL_ID), "alice", today.minusMonths(15));
        Client sara = client(
                demo, "Sara", "Family", Set.of(IdentityDocument.BIRTH_CERTIFICATE), "alice", today.minusMonths(15));
        Filing family = open(demo, amal, Venue.IMMIGRATION_COURT, null, today.minusMonths(7));
        family.describe(
                null, null, family.getFiledOn(), "Newark Immigration Court", null, List.of(omar.getId(), sara.getId()));
        family.refold(List.of(), DEMO_ZONE);
        record(family.recordPackageMailed(context(today.minusMonths(7).plusDays(4), now), "9400100000000000000001"));
        record(family.recordReceipt(context(today.minusMonths(5), now).about(amal.getId()), "ZLA2412345680"));
        record(family.recordReceipt(context(today.minusMonths(5), now).about(omar.getId()), "ZLA2412345681"));
        record(family.recordReceipt(context(today.minusMonths(5), now).about(sara.getId()), "ZLA2412345682"));
        record(family.scheduleHearing(
                context(today.minusMonths(3), now),
                today.plusDays(50).atTime(9, 0).atZone(demo.zone()).toOffsetDateTime(),
                HearingKind.INDIVIDUAL));
        OffsetDateTime familyAppointment =
                today.minusDays(12).atTime(10, 0).atZone(demo.zone()).toOffsetDateTime();
        for (Client person : List.of(amal, omar)) {
            record(family.recordBiometricsNotice(
                    context(today.minusDays(40), now).about(person.getId()),
                    familyAppointment,
                    "USCIS Application Support Center, Elizabeth NJ",
                    null));
        }
        record(family.recordBiometricsCompleted(
                context(today.minusDays(12), now).about(amal.getId()), true));
        record(family.recordBiometricsMissed(context(today.minusDays(12), now).about(omar.getId())));

        for (Filing filing : new Filing[] {mailed, online, court, family}) {
            Map<UUID, Boolean> hasPrimaryId = new HashMap<>();
            hasPrimaryId.put(
                    filing.getClientId(), clients.findById(filing.getClientId()).hasPrimaryId());
            filing.getFamilyMemberIds()
                    .forEach(id -> hasPrimaryId.put(id, clients.findById(id).hasPrimaryId()));
            windows.replace(filing, events.allOf(filing.getId()), demo, hasPrimaryId);
        }
        // Arrived ten months ago and has not applied yet: the one-year deadline is approaching.
        Client yusuf =
                client(demo, "Yusuf", "Instance", Set.of(IdentityDocument.PASSPORT), "alice", today.minusMonths(10));
        windows.replaceClients(List.of(yusuf.getId()), demo);
        LOG.info("Demo data created: organizations demo and other-clinic, 6 clients with filings, one a family of"
                + " three, and 1 client without a filing");
    }

    private Client client(
            Organization org,
            String first,
            String last,
            Set<IdentityDocument> documents,
            String caseworker,
            LocalDate lastArrivalOn) {
        Client client = new Client(org.getId());
        client.update(
                null,
                first,
                last,
                null,
                null,
                "en",
                null,
                null,
                new MailingAddress("1 Example Street", null, "Newark", "NJ", "07102"),
                lastArrivalOn,
                documents,
                caseworker,
                null);
        clients.persist(client);
        return client;
    }

    private Filing open(Organization org, Client client, Venue venue, Channel channel, LocalDate filedOn) {
        Filing filing = Filing.open(
                org.getId(),
                client.getId(),
                venue,
                channel,
                filedOn,
                org.settings().courtBiometricsProcess());
        filings.persist(filing);
        return filing;
    }

    private void record(FilingEvent event) {
        events.persist(event);
    }

    private static Filing.EventContext context(LocalDate day, OffsetDateTime now) {
        return new Filing.EventContext(day, SEEDER, now, DEMO_ZONE);
    }
}
