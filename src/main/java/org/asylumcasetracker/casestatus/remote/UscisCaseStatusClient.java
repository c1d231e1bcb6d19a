package org.asylumcasetracker.casestatus.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.asylumcasetracker.casestatus.CaseStatusReport;
import org.asylumcasetracker.casestatus.CheckResult;
import org.asylumcasetracker.casestatus.UscisConfig;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Asks the USCIS Case Status API for one receipt number and says what came of it. Built from USCIS's
 * developer portal: https://developer.uscis.gov/api/case-status (the call and its fields),
 * https://developer.uscis.gov/get-started/sandbox (token endpoint; errors as RFC 9457-style JSON,
 * {@code {"errors":[{"code","message"}]}}, that a client must handle and recover from) and
 * https://developer.uscis.gov/article/case-status-api-production (quotas).
 *
 * <p>A successful answer is {@code {"case_status": {"receiptNumber", "formType", "submittedDate",
 * "modifiedDate", "current_case_status_text_en", "current_case_status_desc_en", "..._es",
 * "hist_case_status": [...] | null}, "message"}}. Where the documentation is unclear this fails safe:
 * <ul>
 * <li>an answer without a non-blank {@code current_case_status_text_en} is malformed: nothing is recorded and
 * the check is retried later (never "no status" recorded as a status);</li>
 * <li>the form of {@code modifiedDate} is not specified: an ISO date (or the date part of an ISO date-time)
 * is kept, anything else is left out;</li>
 * <li>404 means the receipt number is unknown to USCIS (new numbers can take days to appear); other 4xx
 * answers except 401 and 429 are failures retried later, not "unknown";</li>
 * <li>a 429 without a usable {@code Retry-After} waits the configured backoff.</li>
 * </ul>
 * Receipt numbers and status texts are not logged; error codes and HTTP statuses are.
 */
@ApplicationScoped
public class UscisCaseStatusClient {

    private static final Logger LOG = Logger.getLogger(UscisCaseStatusClient.class);

    private final UscisCaseStatusApi api;
    private final UscisTokens tokens;
    private final ObjectMapper mapper;
    private final UscisConfig config;
    private final Clock clock;

    @Inject
    public UscisCaseStatusClient(
            @RestClient UscisCaseStatusApi api,
            UscisTokens tokens,
            ObjectMapper mapper,
            UscisConfig config,
            Clock clock) {
        this.api = api;
        this.tokens = tokens;
        this.mapper = mapper;
        this.config = config;
        this.clock = clock;
    }

    public CheckResult check(String receiptNumber) {
        try {
            Answer answer = call(receiptNumber);
            if (answer.status() == 401) {
                // the token expired early or was revoked: one more try with a new token
                tokens.invalidate();
                answer = call(receiptNumber);
            }
            return interpret(receiptNumber, answer);
        } catch (RuntimeException e) {
            // no connection, a timeout, or no token from the token endpoint
            LOG.debugf("USCIS case status call failed: %s", e.getClass().getSimpleName());
            return new CheckResult.Failed("UNAVAILABLE", e.getClass().getSimpleName());
        }
    }

    private record Answer(int status, String body, String retryAfter) {}

    private Answer call(String receiptNumber) {
        try (Response response = api.caseStatus(receiptNumber, "Bearer " + tokens.accessToken())) {
            String body = response.hasEntity() ? response.readEntity(String.class) : "";
            return new Answer(response.getStatus(), body, response.getHeaderString("Retry-After"));
        }
    }

    private CheckResult interpret(String receiptNumber, Answer answer) {
        int status = answer.status();
        if (status == 200) {
            return parse(receiptNumber, answer.body());
        }
        if (status == 404) {
            return new CheckResult.ReceiptNotFound();
        }
        if (status == 429) {
            return new CheckResult.RateLimited(retryAfter(answer.retryAfter()));
        }
        if (status == 401) {
            tokens.invalidate();
            return new CheckResult.Failed("UNAUTHORIZED", "401 after a new token");
        }
        LOG.debugf("USCIS case status answered %d (%s)", status, errorCode(answer.body()));
        return new CheckResult.Failed(status >= 500 ? "UNAVAILABLE" : "REJECTED", "HTTP " + status);
    }

    private CheckResult parse(String receiptNumber, String body) {
        JsonNode caseStatus;
        try {
            caseStatus = mapper.readTree(body).path("case_status");
        } catch (Exception e) {
            return new CheckResult.Failed("MALFORMED_RESPONSE", "not JSON");
        }
        String text = textOf(caseStatus, "current_case_status_text_en");
        if (text == null) {
            return new CheckResult.Failed("MALFORMED_RESPONSE", "no current_case_status_text_en");
        }
        return new CheckResult.Status(new CaseStatusReport(
                receiptNumber,
                text,
                textOf(caseStatus, "current_case_status_desc_en"),
                textOf(caseStatus, "formType"),
                date(textOf(caseStatus, "modifiedDate"))));
    }

    private static String textOf(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isBlank() ? value.asText().strip() : null;
    }

    private static LocalDate date(String value) {
        if (value == null || value.length() < 10) {
            return null;
        }
        try {
            return LocalDate.parse(value.substring(0, 10));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** {@code Retry-After} in seconds or as an HTTP date (RFC 9110, 10.2.3), at most the configured cap. */
    Duration retryAfter(String header) {
        Duration wait = config.backoffBase();
        if (header != null && !header.isBlank()) {
            String value = header.strip();
            try {
                wait = Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
            } catch (NumberFormatException notSeconds) {
                try {
                    Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME)
                            .toInstant();
                    wait = Duration.between(clock.instant(), at);
                    wait = wait.isNegative() ? Duration.ZERO : wait;
                } catch (DateTimeParseException notDate) {
                    // unusable header: the configured backoff
                }
            }
        }
        return wait.compareTo(config.retryAfterMax()) > 0 ? config.retryAfterMax() : wait;
    }

    private String errorCode(String body) {
        try {
            JsonNode code = mapper.readTree(body).path("errors").path(0).path("code");
            return code.isTextual() ? code.asText() : "no error code";
        } catch (Exception e) {
            return "no error body";
        }
    }
}
