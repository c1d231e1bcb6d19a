package org.asylumcasetracker.integration.webhook;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Makes one signed POST of a delivery (see {@link WebhookSignature} for the headers). Redirects are not
 * followed: a redirect could lead to an address the URL policy refuses, so a 3xx is a failed attempt. The
 * whole attempt, reading the response included, is bounded by the connect and response timeouts.
 */
@ApplicationScoped
public class WebhookSender {

    static final String USER_AGENT = "asylum-case-tracker-webhooks/1";
    static final String EVENT_HEADER = "Webhook-Event";

    private final HttpClient http;
    private final SigningKeys signingKeys;
    private final WebhookUrlPolicy policy;
    private final Clock clock;
    private final Duration responseTimeout;
    private final Duration deadline;

    @Inject
    public WebhookSender(WebhookConfig config, WebhookUrlPolicy policy, Clock clock, SigningKeys signingKeys) {
        this.signingKeys = signingKeys;
        this.policy = policy;
        this.clock = clock;
        this.responseTimeout = config.responseTimeout();
        this.deadline = config.connectTimeout().plus(config.responseTimeout());
        this.http = HttpClient.newBuilder()
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /** The longest one attempt can take. */
    public Duration deadline() {
        return deadline;
    }

    @WithSpan("webhook send")
    public AttemptOutcome send(ClaimedDelivery delivery) {
        URI target;
        try {
            target = URI.create(delivery.url());
        } catch (IllegalArgumentException e) {
            return AttemptOutcome.failed("the URL is not valid");
        }
        Optional<String> refusal = policy.targetRefusal(target);
        if (refusal.isPresent()) {
            return AttemptOutcome.failed("refused: the URL " + refusal.get());
        }
        List<byte[]> keys = signingKeys.of(delivery.subscriptionId());
        if (keys.isEmpty()) {
            return AttemptOutcome.failed("the subscription has no secret");
        }
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(target)
                .timeout(responseTimeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", USER_AGENT)
                .header(WebhookSignature.ID_HEADER, delivery.id().toString())
                .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(WebhookSignature.SIGNATURE_HEADER,
                        WebhookSignature.sign(keys, delivery.id().toString(), timestamp, delivery.payload()))
                .header(EVENT_HEADER, delivery.eventType().name())
                .POST(HttpRequest.BodyPublishers.ofString(delivery.payload(), StandardCharsets.UTF_8))
                .build();
        CompletableFuture<HttpResponse<Void>> response = http.sendAsync(request, HttpResponse.BodyHandlers.discarding());
        try {
            return AttemptOutcome.answered(response.get(deadline.toMillis(), TimeUnit.MILLISECONDS).statusCode());
        } catch (TimeoutException e) {
            response.cancel(true);
            return AttemptOutcome.failed("no complete response in time");
        } catch (InterruptedException e) {
            response.cancel(true);
            Thread.currentThread().interrupt();
            return AttemptOutcome.failed("interrupted while sending");
        } catch (ExecutionException e) {
            return AttemptOutcome.failed(describe(e.getCause()));
        }
    }

    private static String describe(Throwable failure) {
        if (failure instanceof HttpConnectTimeoutException) {
            return "could not connect in time";
        }
        if (failure instanceof HttpTimeoutException) {
            return "no response in time";
        }
        if (failure instanceof ConnectException) {
            return "could not connect (refused or unreachable)";
        }
        // The class names what went wrong; the message could quote the receiver's URL.
        return "sending failed: " + (failure == null ? "unknown" : failure.getClass().getSimpleName());
    }
}
