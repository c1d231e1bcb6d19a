package org.asylumcasetracker.platform.observability;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.List;

/**
 * The tests' span exporter: keeps finished spans in memory (OpenTelemetry's InMemorySpanExporter), but only
 * between {@link #start()} and the end of the test, so the rest of the suite does not fill the heap with spans.
 */
@Singleton
public class RecordingSpanExporter implements SpanExporter {

    private final InMemorySpanExporter memory = InMemorySpanExporter.create();
    private volatile boolean recording;

    public void start() {
        memory.reset();
        recording = true;
    }

    public void stop() {
        recording = false;
        memory.reset();
    }

    public List<SpanData> spans() {
        return memory.getFinishedSpanItems();
    }

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
        return recording ? memory.export(spans) : CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
        return memory.shutdown();
    }
}
