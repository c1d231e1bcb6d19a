package org.asylumcasetracker.filing;

import static org.asylumcasetracker.support.Api.as;
import static org.asylumcasetracker.support.Dates.daysAgo;
import static org.asylumcasetracker.support.Dates.daysAhead;
import static org.asylumcasetracker.support.Dates.morning;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.asylumcasetracker.support.Mother;
import org.asylumcasetracker.support.Organizations;
import org.asylumcasetracker.support.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each event type takes its own fields and no others: a field of another event type is a 400 naming it, a
 * missing required field is a 400 naming it, and neither records anything. The shapes below are this test's
 * own reading of the state machine table; a new event type fails to compile here until it has one.
 */
@QuarkusTest
class EventRequestShapesTest {

    private static final String EVENTS = "/api/v1/filings/{id}/events";

    /** The fields of one event type, with a valid value each; {@code type} is added when sent. */
    record Shape(Map<String, Object> required, Map<String, Object> optional) {

        Map<String, Object> body(EventType type) {
            Map<String, Object> body = new HashMap<>(required);
            body.putAll(optional);
            body.put("type", type.name());
            return body;
        }

        Set<String> fields() {
            Set<String> fields = new TreeSet<>(required.keySet());
            fields.addAll(optional.keySet());
            return fields;
        }
    }

    static Shape shape(EventType type) {
        return switch (type) {
            case USCIS_PACKAGE_MAILED -> shape(Map.of(), Map.of("trackingNumber", "9400111899223344556677"));
            case RECEIPT_RECEIVED -> shape(Map.of("receiptNumber", Mother.RECEIPT_NUMBER), Map.of());
            case BIOMETRICS_NOTICE_RECEIVED ->
                shape(
                        Map.of("appointmentAt", morning(20), "location", Mother.ASC_LOCATION),
                        Map.of("deliveredVia", "MAIL"));
            case RESCHEDULE_REQUESTED ->
                shape(Map.of("via", "PHONE"), Map.of("requestedAt", morning(-1), "reason", "travel"));
            case BIOMETRICS_COMPLETED -> shape(Map.of(), Map.of("stampedNoticeKept", true));
            case BIOMETRICS_MISSED, BIOMETRICS_REUSED, STAMPED_NOTICE_CONFIRMED, WORK_PERMIT_FILED ->
                shape(Map.of(), Map.of());
            case HEARING_SCHEDULED -> shape(Map.of("hearingAt", morning(90), "kind", "INDIVIDUAL"), Map.of());
            case CONTACT_LOGGED -> shape(Map.of(), Map.of("channel", "USCIS_CONTACT_CENTER", "note", "called"));
            case CLOSED -> shape(Map.of("outcome", "GRANTED"), Map.of());
            // clientId (default: the principal) is left out: a valid value depends on the filing
            case ADDRESS_CHANGE_REPORTED -> shape(Map.of("form", "AR_11"), Map.of());
            case FEE_NOTICE_RECEIVED -> shape(Map.of("amount", 100), Map.of("dueOn", daysAhead(29)));
            case FEE_PAID -> shape(Map.of("amount", 100.5), Map.of());
        };
    }

    private static Shape shape(Map<String, Object> required, Map<String, Object> optional) {
        Map<String, Object> withDate = new LinkedHashMap<>(required);
        withDate.put("occurredOn", daysAgo(1));
        return new Shape(withDate, optional);
    }

    private String filing;

    @BeforeEach
    void filing() {
        Organizations.ensureDemoTenants();
        filing = Mother.createFiling(TestTokens.ALICE, Mother.courtFiling(Mother.createClient(TestTokens.ALICE), 200));
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void aFieldOfAnotherEventTypeIsRefusedByName(EventType type) {
        Shape own = shape(type);
        Map<String, Object> foreign = new LinkedHashMap<>();
        for (EventType other : EventType.values()) {
            Shape theirs = shape(other);
            theirs.required().forEach(foreign::putIfAbsent);
            theirs.optional().forEach(foreign::putIfAbsent);
        }
        foreign.keySet().removeAll(own.fields());
        assertFalse(foreign.isEmpty(), "every event type leaves out some field of another");
        foreign.forEach((field, value) -> {
            Map<String, Object> body = own.body(type);
            body.put(field, value);
            as(TestTokens.ALICE)
                    .body(body)
                    .post(EVENTS, filing)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", contains(field));
        });
        nothingRecorded();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void aMissingRequiredFieldIsNamed(EventType type) {
        Shape own = shape(type);
        for (String field : own.required().keySet()) {
            Map<String, Object> body = own.body(type);
            body.remove(field);
            as(TestTokens.ALICE)
                    .body(body)
                    .post(EVENTS, filing)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", contains(field));
        }
        nothingRecorded();
    }

    @Test
    void aMissingOrUnknownTypeIsNamed() {
        Map<String, Object> body = shape(EventType.CONTACT_LOGGED).body(EventType.CONTACT_LOGGED);
        body.remove("type");
        as(TestTokens.ALICE)
                .body(body)
                .post(EVENTS, filing)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("type"));
        for (Object unknown : new Object[] {"CONTACT_LOGGED_TWICE", "contact_logged", 7, ""}) {
            body.put("type", unknown);
            as(TestTokens.ALICE)
                    .body(body)
                    .post(EVENTS, filing)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", contains("type"));
        }
        nothingRecorded();
    }

    @Test
    void theShapesOfThisTestAreAcceptedWhereTheEventIsAllowed() {
        // A control for the refusals above: the same bodies, without the stray field, are recorded.
        for (EventType type : new EventType[] {
            EventType.CONTACT_LOGGED,
            EventType.HEARING_SCHEDULED,
            EventType.USCIS_PACKAGE_MAILED,
            EventType.RECEIPT_RECEIVED,
            EventType.BIOMETRICS_NOTICE_RECEIVED,
            EventType.RESCHEDULE_REQUESTED,
            EventType.WORK_PERMIT_FILED,
            EventType.CLOSED
        }) {
            as(TestTokens.ALICE)
                    .body(shape(type).body(type))
                    .post(EVENTS, filing)
                    .then()
                    .statusCode(201)
                    .body("event.type", equalTo(type.name()));
        }
    }

    private void nothingRecorded() {
        as(TestTokens.ALICE).get(EVENTS, filing).then().statusCode(200).body("total", equalTo(0));
    }
}
