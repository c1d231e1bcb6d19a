package org.asylumcasetracker.calendar;

import static org.asylumcasetracker.support.Api.anonymous;
import static org.asylumcasetracker.support.Api.as;
import static org.asylumcasetracker.support.Dates.daysAgo;
import static org.asylumcasetracker.support.Mother.event;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import biweekly.Biweekly;
import biweekly.ICalVersion;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.asylumcasetracker.support.Dates;
import org.asylumcasetracker.support.Mother;
import org.asylumcasetracker.support.Organizations;
import org.asylumcasetracker.support.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Calendar feeds end to end: created by a case worker, polled without a token, read back with biweekly (an
 * iCalendar parser independent of ical4j, which writes them), revoked. A family whose members have their
 * biometrics appointments in two time zones appears with the exact instants, by initials and filing id only.
 */
@QuarkusTest
class CalendarFeedTest {

    private static final String FEEDS = "/api/v1/calendar-feeds";
    private static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");

    @BeforeEach
    void tenants() {
        Organizations.ensureDemoTenants();
    }

    @Test
    void aFamilysAppointmentsInTwoTimeZonesAndAHearingParseBackWithoutNamesOrANumbers() {
        String family = "Haddad-" + UUID.randomUUID().toString().substring(0, 6);
        String amina = client("Amina", family, "A12345678");
        String omar = client("Omar", family, "A987654321");
        OffsetDateTime newark =
                Dates.today().plusDays(12).atTime(9, 0).atZone(Dates.DEMO_ZONE).toOffsetDateTime();
        OffsetDateTime losAngeles =
                Dates.today().plusDays(12).atTime(9, 0).atZone(LOS_ANGELES).toOffsetDateTime();
        // one application for both: each gets a receipt and an appointment of their own
        Map<String, Object> application = Mother.uscisFiling(amina, "MAIL", 40);
        application.put("familyMemberIds", List.of(omar));
        String filing = Mother.createFiling(TestTokens.ALICE, application);
        appointment(filing, amina, newark, Mother.ASC_LOCATION, "12345678");
        appointment(filing, omar, losAngeles, "USCIS ASC Los Angeles, 3000 W 7th St, Los Angeles CA", "12345679");
        Map<String, Object> courtCase = Mother.courtFiling(amina, 20);
        courtCase.put("familyMemberIds", List.of(omar));
        String court = Mother.createFiling(TestTokens.ALICE, courtCase);
        OffsetDateTime hearing =
                Dates.today().plusDays(90).atTime(8, 30).atZone(Dates.DEMO_ZONE).toOffsetDateTime();
        as(TestTokens.ALICE)
                .body(event("HEARING_SCHEDULED", daysAgo(1), "hearingAt", hearing.toString(), "kind", "INDIVIDUAL"))
                .post("/api/v1/filings/{id}/events", court)
                .then()
                .statusCode(201);
        // Omar's case is severed: his master calendar hearing is his own
        OffsetDateTime omarsHearing =
                Dates.today().plusDays(30).atTime(13, 0).atZone(Dates.DEMO_ZONE).toOffsetDateTime();
        as(TestTokens.ALICE)
                .body(event(
                        "HEARING_SCHEDULED",
                        daysAgo(1),
                        "hearingAt",
                        omarsHearing.toString(),
                        "kind",
                        "MASTER_CALENDAR",
                        "clientIds",
                        List.of(omar)))
                .post("/api/v1/filings/{id}/events", court)
                .then()
                .statusCode(201);

        String url = as(TestTokens.ALICE)
                .body(Map.of())
                .post(FEEDS)
                .then()
                .statusCode(201)
                .body("caseworker", equalTo("alice"))
                .body("url", matchesPattern("http://.+/api/v1/calendars/[A-Za-z0-9_-]{43}\\.ics"))
                .extract()
                .path("url");
        Response served =
                anonymous().accept("text/calendar").get(URI.create(url).getPath());
        served.then().statusCode(200).contentType(matchesPattern("text/calendar.*"));
        String text = served.asString();

        for (String personal : List.of("Amina", "Omar", family, "A012345678", "A987654321", "12345678", "987654321")) {
            assertFalse(text.contains(personal), "the feed must not contain '" + personal + "'");
        }
        ICalendar calendar = parsed(text);

        VEvent aminas = only(calendar, "biometrics-appointment-" + filing);
        VEvent omars = only(calendar, "biometrics-appointment-" + filing + "-" + omar);
        assertEquals(newark.toInstant(), aminas.getDateStart().getValue().toInstant());
        assertEquals(losAngeles.toInstant(), omars.getDateStart().getValue().toInstant());
        assertEquals(
                3, java.time.Duration.between(newark, losAngeles).toHours(), "09:00 in two zones, three hours apart");
        assertEquals(
                "Biometrics appointment: A.H. (filing " + filing.substring(0, 8) + ")",
                aminas.getSummary().getValue());
        assertEquals(
                "Biometrics appointment: O.H. (filing " + filing.substring(0, 8) + ")",
                omars.getSummary().getValue());
        assertEquals(Mother.ASC_LOCATION, aminas.getLocation().getValue());
        assertTrue(aminas.getDescription().getValue().contains(filing));
        assertTrue(omars.getDescription().getValue().contains("O.H., filing " + filing));
        VEvent individual = only(calendar, "individual-hearing-" + court);
        assertEquals(hearing.toInstant(), individual.getDateStart().getValue().toInstant());
        assertEquals("Newark Immigration Court", individual.getLocation().getValue());
        VEvent severed = only(calendar, "master-calendar-hearing-" + court + "-" + omar);
        assertEquals(omarsHearing.toInstant(), severed.getDateStart().getValue().toInstant());
        assertTrue(severed.getSummary().getValue().contains("O.H."));
    }

    @Test
    void deadlinesOfPeopleAreWholeDaysAndLeaveWhenMet() {
        // arrived ten months ago and on no application yet: the one-year deadline is ahead
        Map<String, Object> arrived = Mother.client();
        arrived.put("caseworker", "alice");
        arrived.put("lastArrivalOn", Dates.today().minusMonths(10).toString());
        String yusra = as(TestTokens.ALICE)
                .body(arrived)
                .post("/api/v1/clients")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String deadline = as(TestTokens.ALICE)
                .get("/api/v1/clients/" + yusra)
                .then()
                .statusCode(200)
                .extract()
                .path("oneYearDeadlineOn");
        // a client on a court case moved two days ago and has reported it to nobody
        String karim = client("Karim", "Mover", null);
        String court = Mother.createFiling(TestTokens.ALICE, Mother.courtFiling(karim, 30));
        as(TestTokens.ALICE)
                .contentType("application/merge-patch+json")
                .body(Map.of(
                        "mailingAddress",
                        Map.of("line1", "9 New Road", "city", "Newark", "state", "NJ", "postalCode", "07104"),
                        "movedOn",
                        daysAgo(2)))
                .patch("/api/v1/clients/" + karim)
                .then()
                .statusCode(200);
        String path = URI.create(as(TestTokens.ALICE)
                        .body(Map.of())
                        .post(FEEDS)
                        .then()
                        .statusCode(201)
                        .extract()
                        .<String>path("url"))
                .getPath();

        ICalendar calendar =
                parsed(anonymous().get(path).then().statusCode(200).extract().asString());
        VEvent oneYear = only(calendar, "one-year-deadline-" + yusra);
        assertEquals(deadline, wholeDay(oneYear));
        assertEquals(Dates.today().plusDays(8).toString(), wholeDay(only(calendar, "ar-11-deadline-" + karim)));
        assertEquals(Dates.today().plusDays(3).toString(), wholeDay(only(calendar, "eoir-33-deadline-" + karim)));

        // Karim reports the move to USCIS; Yusra applies
        as(TestTokens.ALICE)
                .body(event("ADDRESS_CHANGE_REPORTED", Dates.today().toString(), "form", "AR_11"))
                .post("/api/v1/filings/{id}/events", court)
                .then()
                .statusCode(201);
        Mother.createFiling(TestTokens.ALICE, Mother.uscisFiling(yusra, "ONLINE", 0));
        String after = anonymous().get(path).then().statusCode(200).extract().asString();
        assertFalse(after.contains("ar-11-deadline-" + karim), "reported to USCIS");
        assertTrue(after.contains("eoir-33-deadline-" + karim), "the court still has the old address");
        assertFalse(after.contains("one-year-deadline-" + yusra), "she applied in time");
    }

    @Test
    void aPollWithTheCurrentETagGets304UntilSomethingChanges() {
        String client = client("Lina", "Nasser", null);
        String filing = scheduled(
                client,
                Dates.today().plusDays(5).atTime(10, 0).atZone(Dates.DEMO_ZONE).toOffsetDateTime(),
                Mother.ASC_LOCATION);
        String path = URI.create(as(TestTokens.ALICE)
                        .body(Map.of())
                        .post(FEEDS)
                        .then()
                        .statusCode(201)
                        .extract()
                        .<String>path("url"))
                .getPath();
        String etag = anonymous().get(path).then().statusCode(200).extract().header("ETag");

        // calendar apps may keep the feed and revalidate it; API answers with personal data may not be kept
        anonymous().get(path).then().statusCode(200).header("Cache-Control", equalTo("private, no-cache"));
        as(TestTokens.ALICE)
                .get("/api/v1/calendar-feeds")
                .then()
                .statusCode(200)
                .header("Cache-Control", equalTo("no-store"));
        anonymous()
                .header("If-None-Match", etag)
                .get(path)
                .then()
                .statusCode(304)
                .header("ETag", equalTo(etag));
        as(TestTokens.ALICE)
                .body(event("RESCHEDULE_REQUESTED", Dates.today().toString(), "via", "PHONE"))
                .post("/api/v1/filings/{id}/events", filing)
                .then()
                .statusCode(201);
        String changed = anonymous()
                .header("If-None-Match", etag)
                .get(path)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        assertNotEquals(etag, changed);
        assertFalse(
                anonymous().get(path).asString().contains("biometrics-appointment-" + filing),
                "a rescheduled appointment leaves the feed until the new notice");
    }

    @Test
    void aRevokedUrlAnswers404AndUnknownUrlsLookTheSame() {
        String created = as(TestTokens.ALICE)
                .body(Map.of())
                .post(FEEDS)
                .then()
                .statusCode(201)
                .extract()
                .asString();
        String id = io.restassured.path.json.JsonPath.from(created).getString("id");
        String path = URI.create(io.restassured.path.json.JsonPath.from(created).getString("url"))
                .getPath();
        anonymous().get(path).then().statusCode(200);
        // The URL is what counts: a token sent along, even of another organization, changes nothing.
        as(TestTokens.CAROL).accept("text/calendar").get(path).then().statusCode(200);
        as(TestTokens.ALICE).accept("text/calendar").get(path).then().statusCode(200);
        as(TestTokens.ALICE)
                .get(FEEDS)
                .then()
                .statusCode(200)
                .body("items.id", hasItem(id))
                .body("items.url", not(hasItem(org.hamcrest.Matchers.notNullValue())));

        as(TestTokens.ALICE).delete(FEEDS + "/" + id).then().statusCode(204);

        anonymous().get(path).then().statusCode(404).contentType("application/problem+json");
        as(TestTokens.ALICE).get(path).then().statusCode(404);
        anonymous().get("/api/v1/calendars/" + "A".repeat(43) + ".ics").then().statusCode(404);
        as(TestTokens.ALICE).delete(FEEDS + "/" + id).then().statusCode(404);
        as(TestTokens.ALICE).get(FEEDS).then().body("items.id", not(hasItem(id)));
    }

    @Test
    void caseWorkersHaveTheirOwnFeedsSupervisorsAllOfTheOrganizationAndOtherOrganizationsNone() {
        String alices = as(TestTokens.ALICE)
                .body(Map.of())
                .post(FEEDS)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String whole = as(TestTokens.BOB)
                .body(Map.of())
                .post(FEEDS)
                .then()
                .statusCode(201)
                .body("$", not(org.hamcrest.Matchers.hasKey("caseworker")))
                .extract()
                .path("id");
        as(TestTokens.BOB)
                .body(Map.of("caseworker", "alice"))
                .post(FEEDS)
                .then()
                .statusCode(201)
                .body("caseworker", equalTo("alice"));

        as(TestTokens.ALICE)
                .body(Map.of("caseworker", "bob"))
                .post(FEEDS)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        as(TestTokens.DANA).body(Map.of()).post(FEEDS).then().statusCode(403);
        as(TestTokens.INTEGRATION).get(FEEDS).then().statusCode(403);
        anonymous().get(FEEDS).then().statusCode(401);

        as(TestTokens.ALICE)
                .queryParam("size", 200)
                .get(FEEDS)
                .then()
                .statusCode(200)
                .body("items.id", hasItem(alices))
                .body("items.id", not(hasItem(whole)));
        as(TestTokens.BOB)
                .queryParam("size", 200)
                .get(FEEDS)
                .then()
                .statusCode(200)
                .body("items.id", hasItem(alices))
                .body("items.id", hasItem(whole));
        as(TestTokens.CAROL)
                .queryParam("size", 200)
                .get(FEEDS)
                .then()
                .statusCode(200)
                .body("items.id", not(hasItem(alices)));
        as(TestTokens.CAROL_SUPERVISOR).delete(FEEDS + "/" + whole).then().statusCode(404);
        as(TestTokens.ALICE).delete(FEEDS + "/" + whole).then().statusCode(404);
        as(TestTokens.BOB).delete(FEEDS + "/" + alices).then().statusCode(204);
        as(TestTokens.BOB).delete(FEEDS + "/" + whole).then().statusCode(204);
    }

    @Test
    void aCaseWorkersFeedShowsTheirClientsOnly() {
        String mine = client("Sara", "Own", null);
        Map<String, Object> others = Mother.client();
        others.put("caseworker", "someone-else");
        String theirs = as(TestTokens.BOB)
                .body(others)
                .post("/api/v1/clients")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        OffsetDateTime at =
                Dates.today().plusDays(8).atTime(11, 0).atZone(Dates.DEMO_ZONE).toOffsetDateTime();
        String myFiling = scheduled(mine, at, Mother.ASC_LOCATION);
        String theirFiling = scheduled(theirs, at, Mother.ASC_LOCATION);

        String text = anonymous()
                .get(URI.create(as(TestTokens.ALICE)
                                .body(Map.of())
                                .post(FEEDS)
                                .then()
                                .statusCode(201)
                                .extract()
                                .<String>path("url"))
                        .getPath())
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(text.contains("biometrics-appointment-" + myFiling));
        assertFalse(text.contains(theirFiling));
        String wholeOrganization = anonymous()
                .get(URI.create(as(TestTokens.BOB)
                                .body(Map.of())
                                .post(FEEDS)
                                .then()
                                .statusCode(201)
                                .extract()
                                .<String>path("url"))
                        .getPath())
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(wholeOrganization.contains(myFiling) && wholeOrganization.contains(theirFiling));
    }

    @Test
    void initialsAreLettersOnly() {
        assertEquals("A.H.", CalendarEntries.initials("amina", "Haddad"));
        assertEquals("É.Ö.", CalendarEntries.initials(" élodie", "'Özdemir"));
        assertEquals("O.", CalendarEntries.initials("Omar", null));
    }

    private static String client(String firstName, String lastName, String aNumber) {
        Map<String, Object> body = Mother.client();
        body.put("firstName", firstName);
        body.put("lastName", lastName);
        body.put("caseworker", "alice");
        if (aNumber == null) {
            body.remove("aNumber");
        } else {
            body.put("aNumber", aNumber);
        }
        return as(TestTokens.ALICE)
                .body(body)
                .post("/api/v1/clients")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** A USCIS filing whose biometrics appointment is {@code at}, at {@code location}. */
    private static String scheduled(String client, OffsetDateTime at, String location) {
        String filing = Mother.createFiling(TestTokens.ALICE, Mother.uscisFiling(client, "MAIL", 40));
        as(TestTokens.ALICE)
                .body(event("RECEIPT_RECEIVED", daysAgo(10), "receiptNumber", Mother.RECEIPT_NUMBER))
                .post("/api/v1/filings/{id}/events", filing)
                .then()
                .statusCode(201);
        as(TestTokens.ALICE)
                .body(event(
                        "BIOMETRICS_NOTICE_RECEIVED", daysAgo(2), "appointmentAt", at.toString(), "location", location))
                .post("/api/v1/filings/{id}/events", filing)
                .then()
                .statusCode(201);
        return filing;
    }

    /** The receipt and biometrics notice of one person on a USCIS filing. */
    private static void appointment(String filing, String person, OffsetDateTime at, String location, String digits) {
        as(TestTokens.ALICE)
                .body(event("RECEIPT_RECEIVED", daysAgo(10), "receiptNumber", "IOE09" + digits, "clientId", person))
                .post("/api/v1/filings/{id}/events", filing)
                .then()
                .statusCode(201);
        as(TestTokens.ALICE)
                .body(event(
                        "BIOMETRICS_NOTICE_RECEIVED",
                        daysAgo(2),
                        "appointmentAt",
                        at.toString(),
                        "location",
                        location,
                        "clientId",
                        person))
                .post("/api/v1/filings/{id}/events", filing)
                .then()
                .statusCode(201);
    }

    /** The calendar, parsed by biweekly without a warning and valid as iCalendar 2.0. */
    private static ICalendar parsed(String text) {
        List<List<biweekly.io.ParseWarning>> warnings = new ArrayList<>();
        ICalendar calendar = Biweekly.parse(text).warnings(warnings).first();
        assertTrue(warnings.stream().allMatch(List::isEmpty), warnings.toString());
        assertTrue(
                calendar.validate(ICalVersion.V2_0).isEmpty(),
                calendar.validate(ICalVersion.V2_0).toString());
        return calendar;
    }

    /** The day of a whole-day event, which has a date and no time. */
    private static String wholeDay(VEvent event) {
        assertFalse(event.getDateStart().getValue().hasTime(), "a deadline is a whole day");
        return event.getDateStart()
                .getValue()
                .toInstant()
                .atZone(ZoneId.systemDefault())
                .toLocalDate()
                .toString();
    }

    private static VEvent only(ICalendar calendar, String uidBeforeDomain) {
        List<VEvent> found = calendar.getEvents().stream()
                .filter(e -> e.getUid().getValue().equals(uidBeforeDomain + "@asylum-case-tracker"))
                .toList();
        assertEquals(
                1,
                found.size(),
                "one entry " + uidBeforeDomain + " in " + calendar.getEvents().size());
        return found.get(0);
    }
}
