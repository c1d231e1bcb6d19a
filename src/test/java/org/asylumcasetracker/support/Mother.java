package org.asylumcasetracker.support;

import static org.asylumcasetracker.support.Api.as;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Request bodies with sensible defaults and named values, and shortcuts that create them. */
public final class Mother {

    public static final String FIRST_NAME = "Amina";
    public static final String LAST_NAME = "Haddad";
    public static final String RECEIPT_NUMBER = "IOE0912345678";
    public static final String ASC_LOCATION = "USCIS ASC Newark, 970 Broad St, Newark NJ";

    private Mother() {}

    public static Map<String, Object> client() {
        Map<String, Object> body = new HashMap<>();
        body.put("firstName", FIRST_NAME);
        body.put("lastName", LAST_NAME + "-" + UUID.randomUUID().toString().substring(0, 6));
        body.put("dateOfBirth", "1990-04-12");
        body.put("aNumber", "A12345678");
        body.put("preferredLanguage", "ar");
        body.put("phone", "+1 973 555 0100");
        body.put("email", "amina@example.org");
        body.put(
                "mailingAddress",
                Map.of("line1", "123 Main St", "city", "Newark", "state", "NJ", "postalCode", "07102"));
        body.put("identityDocuments", List.of("PASSPORT"));
        return body;
    }

    public static String createClient(String token) {
        return createClient(token, client());
    }

    /** A client of the defaults, named as given. */
    public static String createClient(String token, String firstName, String lastName) {
        Map<String, Object> body = client();
        body.put("firstName", firstName);
        body.put("lastName", lastName);
        return createClient(token, body);
    }

    private static String createClient(String token, Map<String, Object> body) {
        return as(token)
                .body(body)
                .post("/api/v1/clients")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    public static Map<String, Object> uscisFiling(String clientId, String channel, int filedDaysAgo) {
        Map<String, Object> body = new HashMap<>();
        body.put("clientId", clientId);
        body.put("venue", "USCIS");
        body.put("channel", channel);
        body.put("filedOn", Dates.daysAgo(filedDaysAgo));
        return body;
    }

    /** A new client's application mailed to USCIS on {@code filedOn}, with nothing recorded since: its id. */
    public static String mailedApplication(String token, String filedOn) {
        Map<String, Object> application = uscisFiling(createClient(token), "MAIL", 0);
        application.put("filedOn", filedOn);
        return createFiling(token, application);
    }

    public static Map<String, Object> courtFiling(String clientId, int filedDaysAgo) {
        Map<String, Object> body = new HashMap<>();
        body.put("clientId", clientId);
        body.put("venue", "IMMIGRATION_COURT");
        body.put("filedOn", Dates.daysAgo(filedDaysAgo));
        body.put("courtName", "Newark Immigration Court");
        return body;
    }

    public static String createFiling(String token, Map<String, Object> body) {
        return as(token)
                .body(body)
                .post("/api/v1/filings")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /**
     * A client named {@code firstName} {@link #LAST_NAME} with a USCIS filing mailed 100 days ago and no receipt: one
     * RECEIPT_OVERDUE row in the overdue report, and no other.
     */
    public static void overdueFiling(String caseworker, String firstName) {
        String clientId = createClient(caseworker, firstName, LAST_NAME);
        String filing = createFiling(caseworker, uscisFiling(clientId, "MAIL", 100));
        payThisYearsAnnualFeeIfOwed(caseworker, filing, 100);
    }

    /**
     * An application received in an earlier calendar year owes this year's annual asylum fee from 1 January, an INFO
     * alert until a fee notice of the year arrives. For tests whose figures are about other situations: if the
     * application filed {@code filedDaysAgo} days ago owes it, a notice and its payment are recorded on 1 January, so
     * that no alert of this year's fee is raised on any day. Before 1 January nothing is recorded.
     */
    public static void payThisYearsAnnualFeeIfOwed(String token, String filingId, int filedDaysAgo) {
        LocalDate newYear = Dates.today().withDayOfYear(1);
        if (!Dates.today().minusDays(filedDaysAgo).isBefore(newYear)) {
            return;
        }
        for (Map<String, Object> event : List.of(
                event(
                        "FEE_NOTICE_RECEIVED",
                        newYear.toString(),
                        "amount",
                        100,
                        "dueOn",
                        newYear.plusDays(30).toString()),
                event("FEE_PAID", newYear.toString(), "amount", 100))) {
            as(token)
                    .body(event)
                    .post("/api/v1/filings/{id}/events", filingId)
                    .then()
                    .statusCode(201);
        }
    }

    public static Map<String, Object> event(String type, String occurredOn, Object... fields) {
        Map<String, Object> body = new HashMap<>();
        body.put("type", type);
        body.put("occurredOn", occurredOn);
        for (int i = 0; i < fields.length; i += 2) {
            body.put((String) fields[i], fields[i + 1]);
        }
        return body;
    }
}
