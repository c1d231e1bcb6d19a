package org.asylumcasetracker.integration.webhook;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToIntFunction;

/**
 * A real HTTP receiver on 127.0.0.1 for the webhook tests: it keeps every request it gets and answers with
 * the status its responder chooses (204 unless told otherwise). It can also hold requests open until
 * released, to stand for a receiver that hangs.
 */
final class WebhookReceiver implements AutoCloseable {

    /** One request as received: the signature headers and the raw body. */
    record Received(String id, String timestamp, String signature, String event, String contentType, String body) {

        JsonPath json() {
            return JsonPath.from(body);
        }
    }

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger held = new AtomicInteger();
    private volatile ToIntFunction<Received> responder = request -> 204;
    private volatile CountDownLatch hold;

    private WebhookReceiver(InetSocketAddress address) throws IOException {
        server = HttpServer.create(address, 0);
        server.createContext("/hooks", this::handle);
        server.setExecutor(handlers);
        server.start();
    }

    static WebhookReceiver start() throws IOException {
        return new WebhookReceiver(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    /** A receiver on another loopback address (any of 127.0.0.0/8 on Linux) and a given port. */
    static WebhookReceiver startOn(InetAddress address, int port) throws IOException {
        return new WebhookReceiver(new InetSocketAddress(address, port));
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** A URL on which nothing listens: the port was free a moment ago and is closed again. */
    static String closedPortUrl() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + socket.getLocalPort() + "/hooks";
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
    }

    void respondWith(ToIntFunction<Received> chooser) {
        this.responder = chooser;
    }

    /** From now on, requests wait (without an answer) until {@link #release()}. */
    void holdRequests() {
        hold = new CountDownLatch(1);
    }

    void release() {
        CountDownLatch latch = hold;
        if (latch != null) {
            latch.countDown();
        }
    }

    /** How many requests are being held open right now. */
    int held() {
        return held.get();
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    long countOf(String deliveryId) {
        return received.stream().filter(r -> deliveryId.equals(r.id())).count();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange;
                InputStream in = exchange.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            var headers = exchange.getRequestHeaders();
            Received request = new Received(
                    headers.getFirst("Webhook-Id"),
                    headers.getFirst("Webhook-Timestamp"),
                    headers.getFirst("Webhook-Signature"),
                    headers.getFirst("Webhook-Event"),
                    headers.getFirst("Content-Type"),
                    body);
            received.add(request);
            CountDownLatch latch = hold;
            if (latch != null) {
                held.incrementAndGet();
                try {
                    latch.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    held.decrementAndGet();
                }
            }
            exchange.sendResponseHeaders(responder.applyAsInt(request), -1);
        }
    }

    @Override
    public void close() {
        release();
        server.stop(0);
        handlers.shutdownNow();
    }
}
