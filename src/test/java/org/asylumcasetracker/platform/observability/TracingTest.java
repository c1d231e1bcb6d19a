package org.asylumcasetracker.platform.observability;

import static org.asylumcasetracker.support.Api.as;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.asylumcasetracker.integration.webhook.AlertDueJob;
import org.asylumcasetracker.support.Mother;
import org.asylumcasetracker.support.Organizations;
import org.asylumcasetracker.support.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Traces as an OpenTelemetry backend would receive them, captured by an in-memory exporter. */
@QuarkusTest
class TracingTest {

    @Inject
    RecordingSpanExporter exporter;

    @Inject
    AlertDueJob alertDueJob;

    @BeforeEach
    void record() {
        Organizations.ensureDemoTenants();
        exporter.start();
    }

    @AfterEach
    void stop() {
        exporter.stop();
    }

    @Test
    void aRequestSpanHasTheSqlStatementsAsChildren() {
        String client = Mother.createClient(TestTokens.ALICE);
        exporter.start();

        as(TestTokens.ALICE).get("/api/v1/clients/" + client).then().statusCode(200);

        SpanData request = await(
                s -> s.getKind() == SpanKind.SERVER && s.getName().contains("/api/v1/clients/"), "the request span");
        List<SpanData> trace = awaitTrace(request.getTraceId(), t -> t.stream().anyMatch(TracingTest::isSql));
        List<SpanData> sql = trace.stream().filter(TracingTest::isSql).toList();
        assertFalse(sql.isEmpty(), names(trace));
        Map<String, SpanData> byId = trace.stream().collect(Collectors.toMap(SpanData::getSpanId, s -> s));
        for (SpanData statement : sql) {
            assertTrue(
                    descendsFrom(statement, request, byId),
                    statement.getName() + " is inside the request: " + names(trace));
            assertTrue(statement.getKind() == SpanKind.CLIENT, statement.getName() + " " + statement.getKind());
        }
        String statements = sql.stream()
                .map(s -> String.valueOf(s.getAttributes().get(AttributeKey.stringKey("db.statement"))) + " "
                        + s.getAttributes().get(AttributeKey.stringKey("db.query.text")))
                .collect(Collectors.joining("\n"));
        assertTrue(statements.toLowerCase().contains("client"), statements);
        assertFalse(
                statements.contains(Mother.FIRST_NAME) || statements.contains("A012345678"),
                "statements carry placeholders, not values: " + statements);
    }

    @Test
    void theDailyJobHasASpanWithItsSql() {
        alertDueJob.run(java.time.Instant.parse("2031-01-02T12:00:00Z"));

        SpanData job = await(s -> s.getName().equals("ALERT_DUE job"), "the job span");
        List<SpanData> trace = awaitTrace(job.getTraceId(), t -> t.stream().anyMatch(TracingTest::isSql));
        assertTrue(trace.stream().anyMatch(TracingTest::isSql), names(trace));
    }

    /** A statement sent to PostgreSQL (getting a connection from the pool is a span of its own, not one of these). */
    private static boolean isSql(SpanData span) {
        boolean postgres = "postgresql".equals(span.getAttributes().get(AttributeKey.stringKey("db.system")))
                || "postgresql".equals(span.getAttributes().get(AttributeKey.stringKey("db.system.name")));
        return postgres
                && (span.getAttributes().get(AttributeKey.stringKey("db.statement")) != null
                        || span.getAttributes().get(AttributeKey.stringKey("db.query.text")) != null);
    }

    private static boolean descendsFrom(SpanData span, SpanData ancestor, Map<String, SpanData> byId) {
        SpanData current = span;
        for (int depth = 0; depth < 20 && current != null; depth++) {
            if (current.getParentSpanId().equals(ancestor.getSpanId())) {
                return true;
            }
            current = byId.get(current.getParentSpanId());
        }
        return false;
    }

    private SpanData await(Predicate<SpanData> match, String what) {
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (System.nanoTime() < deadline) {
            Optional<SpanData> found = exporter.spans().stream().filter(match).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            pause();
        }
        return fail("No " + what + " among " + names(exporter.spans()));
    }

    private List<SpanData> awaitTrace(String traceId, Predicate<List<SpanData>> complete) {
        long deadline = System.nanoTime() + 15_000_000_000L;
        List<SpanData> trace = List.of();
        while (System.nanoTime() < deadline) {
            trace = exporter.spans().stream()
                    .filter(s -> s.getTraceId().equals(traceId))
                    .toList();
            if (complete.test(trace)) {
                return trace;
            }
            pause();
        }
        return trace;
    }

    private static String names(List<SpanData> spans) {
        return spans.stream().map(s -> s.getKind() + " " + s.getName()).toList().toString();
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
