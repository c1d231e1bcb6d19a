package org.asylumcasetracker.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every operation the service documents, called with a real Keycloak token of every realm role and
 * with none. The operations are read from the served OpenAPI document, so a new endpoint that is not in
 * the table below fails this test until someone decides who may call it.
 */
class RoleMatrixIT {

    private static final String CASEWORKER = "caseworker";
    private static final String SUPERVISOR = "supervisor";
    private static final String REPORTS = "reports";
    private static final String INTEGRATION = "integration";
    private static final String ADMIN = "admin";
    private static final String NONE = "(no token)";
    /** The problem type of a refusal by role (another 403 type says the token names no known organization). */
    private static final String ROLE_REFUSED = "urn:asylum-case-tracker:problem:forbidden";

    /** The Keycloak user holding each role. */
    private static final Map<String, String> USER = Map.of(
            CASEWORKER, "alice", SUPERVISOR, "bob", REPORTS, "dana", INTEGRATION, "clinic-integration", ADMIN, "admin");

    private static final Set<String> CLIENT_WORK = Set.of(CASEWORKER, SUPERVISOR, INTEGRATION);

    private static final java.util.concurrent.atomic.AtomicInteger FEE_DAYS =
            new java.util.concurrent.atomic.AtomicInteger((int) Math.floorMod(System.nanoTime(), 10_000L));

    /** operationId → the roles that may call it (README, "Security model"). Everyone else gets 403, no token 401. */
    private static final Map<String, Set<String>> ALLOWED = new LinkedHashMap<>();

    static {
        ALLOWED.put("createOrganization", Set.of(ADMIN));
        ALLOWED.put("listOrganizations", Set.of(ADMIN));
        ALLOWED.put("getOrganization", Set.of(ADMIN, CASEWORKER, SUPERVISOR, REPORTS, INTEGRATION));
        ALLOWED.put("getOrganizationSettings", Set.of(ADMIN, SUPERVISOR));
        ALLOWED.put("replaceOrganizationSettings", Set.of(ADMIN, SUPERVISOR));
        for (String op : List.of(
                "createClient",
                "listClients",
                "getClient",
                "patchClient",
                "upsertClientByRef",
                "createFiling",
                "listFilings",
                "getFiling",
                "patchFiling",
                "upsertFilingByRef",
                "recordEvent",
                "listEvents",
                "getFilingAlerts")) {
            ALLOWED.put(op, CLIENT_WORK);
        }
        ALLOWED.put("retractEvent", Set.of(SUPERVISOR));
        for (String op : List.of("getCaseStatus", "listSuggestions", "getSuggestion")) {
            ALLOWED.put(op, CLIENT_WORK);
        }
        ALLOWED.put("acceptSuggestion", Set.of(CASEWORKER, SUPERVISOR));
        ALLOWED.put("dismissSuggestion", Set.of(CASEWORKER, SUPERVISOR));
        ALLOWED.put("getOverdueReport", Set.of(SUPERVISOR, REPORTS, CASEWORKER));
        ALLOWED.put("getOverdueSummary", Set.of(SUPERVISOR, REPORTS));
        ALLOWED.put("getProcessingTimes", Set.of(SUPERVISOR, REPORTS));
        ALLOWED.put("getClientAlerts", CLIENT_WORK);
        ALLOWED.put("listFees", Set.of(CASEWORKER, SUPERVISOR, REPORTS, INTEGRATION, ADMIN));
        ALLOWED.put("addFee", Set.of(ADMIN));
        ALLOWED.put("listChanges", Set.of(INTEGRATION, SUPERVISOR));
        for (String op : List.of(
                "createWebhook",
                "listWebhooks",
                "getWebhook",
                "deleteWebhook",
                "listWebhookDeliveries",
                "rotateWebhookSecret")) {
            ALLOWED.put(op, Set.of(SUPERVISOR, INTEGRATION));
        }
        for (String op : List.of("createCalendarFeed", "listCalendarFeeds", "revokeCalendarFeed")) {
            ALLOWED.put(op, Set.of(CASEWORKER, SUPERVISOR));
        }
        // The calendar URL is the secret: calendar apps send no token.
        ALLOWED.put("getCalendar", Set.of(CASEWORKER, SUPERVISOR, REPORTS, INTEGRATION, ADMIN, NONE));
    }

    private static ItEnvironment env;
    private static String clientId;
    private static String filingId;
    private static final Map<String, Function<String, Response>> CALLS = new HashMap<>();

    @BeforeAll
    static void fixtures() {
        env = ItEnvironment.shared();
        clientId = env.as("alice")
                .body(Map.of("firstName", "Matrix", "lastName", "Client"))
                .post("/api/v1/clients")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        filingId = env.as("alice")
                .body(Map.of(
                        "clientId",
                        clientId,
                        "venue",
                        "USCIS",
                        "channel",
                        "MAIL",
                        "filedOn",
                        today().minusDays(30).toString()))
                .post("/api/v1/filings")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        CALLS.put(
                "createOrganization",
                u -> env.as(u)
                        .body(Map.of("id", "m-" + shortId(), "name", "Matrix Clinic", "timeZone", "UTC"))
                        .post("/api/v1/organizations"));
        CALLS.put("listOrganizations", u -> env.as(u).get("/api/v1/organizations"));
        CALLS.put("getOrganization", u -> env.as(u).get("/api/v1/organizations/demo"));
        CALLS.put("getOrganizationSettings", u -> env.as(u).get("/api/v1/organizations/demo/settings"));
        CALLS.put(
                "replaceOrganizationSettings",
                u -> env.as(u).body(defaultSettings()).put("/api/v1/organizations/demo/settings"));
        CALLS.put(
                "createClient",
                u -> env.as(u)
                        .body(Map.of("firstName", "New", "lastName", "Client"))
                        .post("/api/v1/clients"));
        CALLS.put("listClients", u -> env.as(u).get("/api/v1/clients"));
        CALLS.put("getClient", u -> env.as(u).get("/api/v1/clients/" + clientId));
        CALLS.put(
                "patchClient",
                u -> env.as(u).body(Map.of("preferredLanguage", "fr")).patch("/api/v1/clients/" + clientId));
        CALLS.put(
                "upsertClientByRef",
                u -> env.as(u)
                        .body(Map.of("firstName", "Ref", "lastName", "Client"))
                        .put("/api/v1/clients/by-ref/REF-" + shortId()));
        CALLS.put("createFiling", u -> env.as(u).body(filingBody()).post("/api/v1/filings"));
        CALLS.put("listFilings", u -> env.as(u).get("/api/v1/filings"));
        CALLS.put("getFiling", u -> env.as(u).get("/api/v1/filings/" + filingId));
        CALLS.put("patchFiling", u -> env.as(u).body(Map.of("courtName", "n/a")).patch("/api/v1/filings/" + filingId));
        CALLS.put(
                "upsertFilingByRef", u -> env.as(u).body(filingBody()).put("/api/v1/filings/by-ref/CASE-" + shortId()));
        CALLS.put("recordEvent", u -> env.as(u).body(contactEvent()).post("/api/v1/filings/" + filingId + "/events"));
        CALLS.put("listEvents", u -> env.as(u).get("/api/v1/filings/" + filingId + "/events"));
        CALLS.put("getFilingAlerts", u -> env.as(u).get("/api/v1/filings/" + filingId + "/alerts"));
        CALLS.put("retractEvent", u -> {
            String eventId = env.as("alice")
                    .body(contactEvent())
                    .post("/api/v1/filings/" + filingId + "/events")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("event.id");
            return env.as(u).post("/api/v1/filings/" + filingId + "/events/" + eventId + "/retraction");
        });
        CALLS.put("getCaseStatus", u -> env.as(u).get("/api/v1/filings/" + filingId + "/case-status"));
        CALLS.put("listSuggestions", u -> env.as(u).get("/api/v1/filings/" + filingId + "/suggestions"));
        CALLS.put(
                "getSuggestion", u -> env.as(u).get("/api/v1/filings/" + filingId + "/suggestions/" + newSuggestion()));
        // accepted as "sent but not received": a CONTACT_LOGGED, which leaves the filing's stage as it is
        CALLS.put(
                "acceptSuggestion",
                u -> env.as(u)
                        .body(Map.of("resolution", "NOTICE_SENT_NOT_RECEIVED"))
                        .post("/api/v1/filings/" + filingId + "/suggestions/" + newSuggestion() + "/acceptance"));
        CALLS.put(
                "dismissSuggestion",
                u -> env.as(u).post("/api/v1/filings/" + filingId + "/suggestions/" + newSuggestion() + "/dismissal"));
        CALLS.put("getOverdueReport", u -> env.as(u).get("/api/v1/reports/overdue"));
        CALLS.put("getOverdueSummary", u -> env.as(u).get("/api/v1/reports/overdue/summary"));
        CALLS.put("getProcessingTimes", u -> env.as(u).get("/api/v1/reports/processing-times"));
        CALLS.put("getClientAlerts", u -> env.as(u).get("/api/v1/clients/" + clientId + "/alerts"));
        CALLS.put("listFees", u -> env.as(u).get("/api/v1/fees"));
        // each call adds an amount on a day of its own far ahead (amounts are never changed: the same day is 409)
        CALLS.put(
                "addFee",
                u -> env.as(u)
                        .body(Map.of(
                                "fee",
                                "ANNUAL_ASYLUM_FEE",
                                "effectiveOn",
                                java.time.LocalDate.of(2100, 1, 1)
                                        .plusDays(FEE_DAYS.incrementAndGet())
                                        .toString(),
                                "amount",
                                new java.math.BigDecimal("100.00"),
                                "source",
                                "role matrix test"))
                        .post("/api/v1/fees"));
        CALLS.put("listChanges", u -> env.as(u).get("/api/v1/changes"));
        CALLS.put("createWebhook", u -> env.as(u).body(webhookBody()).post("/api/v1/webhooks"));
        CALLS.put("listWebhooks", u -> env.as(u).get("/api/v1/webhooks"));
        CALLS.put("getWebhook", u -> env.as(u).get("/api/v1/webhooks/" + newWebhook()));
        CALLS.put("deleteWebhook", u -> env.as(u).delete("/api/v1/webhooks/" + newWebhook()));
        CALLS.put("listWebhookDeliveries", u -> env.as(u).get("/api/v1/webhooks/" + newWebhook() + "/deliveries"));
        CALLS.put("createCalendarFeed", u -> env.as(u).body(Map.of()).post("/api/v1/calendar-feeds"));
        CALLS.put("listCalendarFeeds", u -> env.as(u).get("/api/v1/calendar-feeds"));
        // a case worker revokes their own feeds only: each caller revokes one it made (or bob's, when it may make none)
        CALLS.put("revokeCalendarFeed", u -> {
            Response made = env.as(u).body(Map.of()).post("/api/v1/calendar-feeds");
            String id = made.statusCode() == 201
                    ? made.path("id")
                    : newCalendarFeed().path("id");
            return env.as(u).delete("/api/v1/calendar-feeds/" + id);
        });
        CALLS.put(
                "getCalendar",
                u -> env.as(u)
                        .get(java.net
                                .URI
                                .create(newCalendarFeed().<String>path("url"))
                                .getPath()));
        CALLS.put("rotateWebhookSecret", u -> env.as(u).post("/api/v1/webhooks/" + newWebhook() + "/secret-rotation"));
    }

    @Test
    void everyDocumentedOperationAgainstEveryRole() throws Exception {
        JsonNode document = new ObjectMapper()
                .readTree(env.as(null)
                        .accept("application/json")
                        .get("/q/openapi?format=json")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString());
        List<String> failures = new ArrayList<>();
        int cells = 0;
        List<String> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields(); paths.hasNext(); ) {
            for (Iterator<JsonNode> ops = paths.next().getValue().elements(); ops.hasNext(); ) {
                operations.add(ops.next().get("operationId").asText());
            }
        }
        for (String operation : operations) {
            Set<String> allowed = ALLOWED.get(operation);
            Function<String, Response> call = CALLS.get(operation);
            if (allowed == null || call == null) {
                failures.add(operation + ": not in the role table; decide who may call it");
                continue;
            }
            for (String role : List.of(CASEWORKER, SUPERVISOR, REPORTS, INTEGRATION, ADMIN, NONE)) {
                Response response = call.apply(NONE.equals(role) ? null : USER.get(role));
                int status = response.statusCode();
                // A refusal must come from the role check, not from something else that also answers 403 (an
                // admin token names no organization, which would hide an endpoint that wrongly admits admins).
                boolean ok = allowed.contains(NONE)
                        ? status >= 200 && status < 300
                        : NONE.equals(role)
                                ? status == 401
                                : allowed.contains(role)
                                        ? status >= 200 && status < 300
                                        : status == 403 && ROLE_REFUSED.equals(response.path("type"));
                if (!ok) {
                    failures.add(operation + " as " + role + ": " + status + " " + response.asString());
                }
                cells++;
            }
        }
        System.out.printf("Role matrix: %d operations x 6 callers = %d checks%n", operations.size(), cells);
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        assertEquals(operations.size() * 6, cells);
        assertTrue(operations.size() >= 27, "the document lists " + operations.size() + " operations");
    }

    private static Map<String, Object> filingBody() {
        return Map.of(
                "clientId",
                clientId,
                "venue",
                "USCIS",
                "channel",
                "ONLINE",
                "filedOn",
                today().minusDays(10).toString());
    }

    private static Map<String, Object> contactEvent() {
        return Map.of("type", "CONTACT_LOGGED", "occurredOn", today().toString(), "channel", "USCIS_CONTACT_CENTER");
    }

    private static Map<String, Object> webhookBody() {
        return Map.of("url", "http://127.0.0.1:9/hooks/cases", "events", List.of("FILING_STAGE_CHANGED"));
    }

    /**
     * An open suggestion on the matrix filing, written as the USCIS check would write it (the packaged app runs
     * without USCIS credentials, so it makes none itself).
     */
    private static String newSuggestion() {
        java.util.UUID observation = java.util.UUID.randomUUID();
        java.util.UUID suggestion = java.util.UUID.randomUUID();
        try (java.sql.Connection db = java.sql.DriverManager.getConnection(env.jdbcUrl(), "postgres", "postgres");
                java.sql.PreparedStatement insertObservation = db.prepareStatement("""
                        insert into case_status_observation (id, organization_id, receipt_number, filing_id, client_id,
                            observed_at, status_text) values (?, 'demo', 'IOE0912345678', ?, ?, now(),
                            'Fingerprint Appointment Was Scheduled')""");
                java.sql.PreparedStatement insertSuggestion = db.prepareStatement("""
                        insert into case_status_suggestion (id, organization_id, filing_id, client_id, observation_id,
                            receipt_number, kind, event_type, occurred_on, state, created_at)
                        values (?, 'demo', ?, ?, ?, 'IOE0912345678', 'BIOMETRICS_NOTICE_SENT',
                            'BIOMETRICS_NOTICE_RECEIVED', current_date - 1, 'OPEN', now())""")) {
            insertObservation.setObject(1, observation);
            insertObservation.setObject(2, java.util.UUID.fromString(filingId));
            insertObservation.setObject(3, java.util.UUID.fromString(clientId));
            insertObservation.executeUpdate();
            insertSuggestion.setObject(1, suggestion);
            insertSuggestion.setObject(2, java.util.UUID.fromString(filingId));
            insertSuggestion.setObject(3, java.util.UUID.fromString(clientId));
            insertSuggestion.setObject(4, observation);
            insertSuggestion.executeUpdate();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("could not write a suggestion", e);
        }
        return suggestion.toString();
    }

    private static Response newCalendarFeed() {
        Response made = env.as("bob").body(Map.of()).post("/api/v1/calendar-feeds");
        made.then().statusCode(201);
        return made;
    }

    private static String newWebhook() {
        return env.as("bob")
                .body(webhookBody())
                .post("/api/v1/webhooks")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static Map<String, Object> defaultSettings() {
        Map<String, Object> settings = new HashMap<>();
        settings.put("receiptOverdueMonths", 3);
        settings.put("biometricsNoticeOverdueMonths", 2);
        settings.put("hearingWarningDays", 60);
        settings.put("packageGraceDays", 7);
        settings.put("appointmentReminderDays", 7);
        settings.put("walkInWindowDays", 21);
        settings.put("onlineRescheduleCutoffHours", 12);
        settings.put("maxOnlineReschedules", 2);
        settings.put("workPermitWaitDays", 150);
        settings.put("courtBiometricsProcess", "MAIL_PACKAGE");
        return settings;
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("America/New_York"));
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
