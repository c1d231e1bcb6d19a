package org.asylumcasetracker.casestatus;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * A local stand-in for the USCIS Case Status API on 127.0.0.1, answering as its documentation describes:
 * tokens from {@code POST /oauth/accesstoken} (client credentials; {@code expires_in} as a string, as the
 * API gateway sends it), statuses from {@code GET /case-status/{receiptNumber}} as
 * {@code {"case_status": {...}, "message"}}, errors as {@code {"errors": [{"code", "message"}]}}.
 */
public class UscisStub implements QuarkusTestResourceLifecycleManager {

    static final String CLIENT_ID = "case-tracker-test-app";
    static final String CLIENT_SECRET = "not-a-real-secret";
    static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        return Map.of(
                "asylum.uscis.client-id",
                CLIENT_ID,
                "asylum.uscis.client-secret",
                CLIENT_SECRET,
                "asylum.uscis.base-url",
                "http://127.0.0.1:" + server.port(),
                // one call per millisecond at most: rounds in tests finish at once, the spacing still applies
                "asylum.uscis.quota-per-second",
                "1000",
                "asylum.uscis.quota-per-day",
                "86400000",
                "asylum.uscis.backoff-base",
                "1m");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    /** Tokens in the order given, each valid for its seconds; the last one is repeated. */
    static void tokens(Object... tokensAndSeconds) {
        String state = Scenario.STARTED;
        for (int i = 0; i < tokensAndSeconds.length; i += 2) {
            boolean last = i + 2 >= tokensAndSeconds.length;
            String next = last ? state : "token-" + (i + 2);
            server.stubFor(post(urlEqualTo("/oauth/accesstoken"))
                    .withRequestBody(
                            com.github.tomakehurst.wiremock.client.WireMock.containing("grant_type=client_credentials"))
                    .withRequestBody(
                            com.github.tomakehurst.wiremock.client.WireMock.containing("client_id=" + CLIENT_ID))
                    .inScenario("tokens")
                    .whenScenarioStateIs(state)
                    .willSetStateTo(next)
                    .willReturn(aResponse()
                            .withHeader("Content-Type", "application/json")
                            .withBody("""
                            {"access_token":"%s","token_type":"BearerToken","expires_in":"%s","status":"approved"}""".formatted(tokensAndSeconds[i], tokensAndSeconds[i + 1]))));
            state = next;
        }
    }

    static void status(String receiptNumber, String statusText, String modifiedDate) {
        answer(
                receiptNumber,
                null,
                aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(statusBody(receiptNumber, statusText, modifiedDate)));
    }

    static String statusBody(String receiptNumber, String statusText, String modifiedDate) {
        return """
                {"case_status":{"receiptNumber":"%s","formType":"I-589","submittedDate":"2026-01-05",
                "modifiedDate":"%s","current_case_status_text_en":"%s",
                "current_case_status_desc_en":"On %s, we scheduled an appointment; we mailed you a notice.",
                "current_case_status_text_es":"Estado","current_case_status_desc_es":"Descripción",
                "hist_case_status":null},"message":"Query was successful"}""".formatted(receiptNumber, modifiedDate, statusText, modifiedDate);
    }

    static void error(String receiptNumber, int status, String code) {
        answer(
                receiptNumber,
                null,
                aResponse()
                        .withStatus(status)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"errors\":[{\"code\":\"" + code + "\",\"message\":\"see code\"}]}"));
    }

    static void answer(
            String receiptNumber,
            String bearer,
            com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder response) {
        var request = get(urlEqualTo("/case-status/" + receiptNumber));
        if (bearer != null) {
            request = request.withHeader("Authorization", equalTo("Bearer " + bearer));
        }
        server.stubFor(request.willReturn(response));
    }
}
