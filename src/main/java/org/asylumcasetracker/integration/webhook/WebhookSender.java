package org.asylumcasetracker.integration.webhook;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Makes one signed POST of a delivery (see {@link WebhookSignature} for the headers). Redirects are not
 * followed: a redirect could lead to an address the URL policy refuses, so a 3xx is a failed attempt. The
 * whole attempt, reading the response included, is bounded by the connect and response timeouts.
 *
 * <p>The URL policy resolves the receiver's host once per attempt and the request connects to exactly that
 * address ({@link RequestOptions#setServer}), while the {@code Host} header, TLS server name (SNI) and
 * certificate check use the host name of the URL. A receiver that cannot be reached, or whose address the
 * policy refuses, gets one and the same {@link #UNREACHABLE} text in the delivery log, so that the log does
 * not tell a subscriber which internal addresses or ports exist.
 */
@ApplicationScoped
public class WebhookSender {

    /** Marks an attempt given up before its request was under way. */
    private static final Object GIVEN_UP = new Object();

    static final String USER_AGENT = "asylum-case-tracker-webhooks/1";
    static final String EVENT_HEADER = "Webhook-Event";
    static final String UNREACHABLE = "the receiver could not be reached";

    private final HttpClient http;
    private final SigningKeys signingKeys;
    private final WebhookUrlPolicy policy;
    private final Clock clock;
    private final Duration responseTimeout;
    private final Duration deadline;

    @Inject
    public WebhookSender(
            WebhookConfig config, WebhookUrlPolicy policy, Clock clock, SigningKeys signingKeys, Vertx vertx) {
        this.signingKeys = signingKeys;
        this.policy = policy;
        this.clock = clock;
        this.responseTimeout = config.responseTimeout();
        this.deadline = config.connectTimeout().plus(config.responseTimeout());
        this.http = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                // A connection per attempt: no attempt waits for another's connection or goes out on one the
                // receiver is closing (either can turn one delivery into two), and the address checked for this
                // attempt is the one connected to.
                .setKeepAlive(false)
                .setMaxPoolSize(config.senderThreads())
                .setForceSni(true)
                .setVerifyHost(true));
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
        Optional<InetSocketAddress> address = policy.connectAddress(target);
        if (address.isEmpty()) {
            return AttemptOutcome.failed(UNREACHABLE);
        }
        List<byte[]> keys = signingKeys.of(delivery.subscriptionId());
        if (keys.isEmpty()) {
            return AttemptOutcome.failed("the subscription has no secret");
        }
        long timestamp = clock.instant().getEpochSecond();
        RequestOptions request = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setServer(SocketAddress.inetSocketAddress(address.get()))
                .setHost(target.getHost())
                .setPort(WebhookUrlPolicy.port(target))
                .setSsl("https".equalsIgnoreCase(target.getScheme()))
                .setURI(pathAndQuery(target))
                .setFollowRedirects(false)
                .setIdleTimeout(responseTimeout.toMillis())
                .putHeader("Content-Type", "application/json")
                .putHeader("User-Agent", USER_AGENT)
                .putHeader(WebhookSignature.ID_HEADER, delivery.id().toString())
                .putHeader(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                .putHeader(
                        WebhookSignature.SIGNATURE_HEADER,
                        WebhookSignature.sign(keys, delivery.id().toString(), timestamp, delivery.payload()))
                .putHeader(EVENT_HEADER, delivery.eventType().name());
        AtomicReference<Object> sent = new AtomicReference<>();
        CompletableFuture<Integer> response = http.request(request)
                .compose(outgoing -> {
                    // An attempt given up while it waited for a connection must never go out afterwards: by then
                    // its delivery may be claimed again, and the receiver would get it twice.
                    if (!sent.compareAndSet(null, outgoing)) {
                        outgoing.reset();
                        return io.vertx.core.Future.failedFuture(new TimeoutException("given up before sending"));
                    }
                    return outgoing.send(Buffer.buffer(delivery.payload()));
                })
                .compose(incoming -> {
                    incoming.handler(ignored -> {}); // the body is never read: it could be large or personal
                    return incoming.end().map(done -> incoming.statusCode());
                })
                .toCompletionStage()
                .toCompletableFuture();
        try {
            return AttemptOutcome.answered(response.get(deadline.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            abort(sent);
            return AttemptOutcome.failed("no complete response in time");
        } catch (InterruptedException e) {
            abort(sent);
            Thread.currentThread().interrupt();
            return AttemptOutcome.failed("interrupted while sending");
        } catch (ExecutionException e) {
            return AttemptOutcome.failed(describe(e.getCause()));
        }
    }

    /** Stops the attempt: resets a request under way, or marks one still waiting for a connection as given up. */
    private static void abort(AtomicReference<Object> sent) {
        if (sent.getAndSet(GIVEN_UP) instanceof HttpClientRequest request) {
            request.reset();
        }
    }

    private static String pathAndQuery(URI target) {
        String path = target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath();
        return target.getRawQuery() == null ? path : path + "?" + target.getRawQuery();
    }

    private static String describe(Throwable failure) {
        if (failure instanceof ConnectException) { // Netty's connect timeout is one too
            return UNREACHABLE;
        }
        if (failure instanceof TimeoutException) {
            return "no response in time";
        }
        // The class names what went wrong; the message could quote the receiver's URL.
        return "sending failed: "
                + (failure == null ? "unknown" : failure.getClass().getSimpleName());
    }
}
