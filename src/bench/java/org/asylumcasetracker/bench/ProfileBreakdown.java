package org.asylumcasetracker.bench;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a request's CPU goes, from a Java Flight Recorder recording of the service under load: each CPU sample
 * ({@code jdk.ExecutionSample}) is counted for the code that was running, that is the innermost frame outside the
 * JDK (so {@code HashMap.get} called by Hibernate counts for Hibernate), grouped by library: Hibernate, Jackson,
 * RESTEasy, Vert.x, Netty, the PostgreSQL driver, and the project's packages one by one. Printed as samples per
 * 1,000 requests, so that two builds measured at different throughputs can be compared line by line.
 *
 * <p>Usage: {@code ProfileBreakdown <recording.jfr> <requests during the recording> [lines]}.
 */
public final class ProfileBreakdown {

    private ProfileBreakdown() {}

    public static void main(String[] args) throws Exception {
        Path recording = Path.of(args[0]);
        double requests = Double.parseDouble(args[1]);
        int lines = args.length > 2 ? Integer.parseInt(args[2]) : 25;
        Map<String, Integer> samples = new HashMap<>();
        int total = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            if (!"jdk.ExecutionSample".equals(event.getEventType().getName()) || event.getStackTrace() == null) {
                continue;
            }
            total++;
            samples.merge(library(event.getStackTrace().getFrames()), 1, Integer::sum);
        }
        System.out.printf("%d CPU samples, %.0f requests%n", total, requests);
        System.out.printf("%-30s %8s %6s%n", "library", "per 1k", "share");
        int finalTotal = total;
        samples.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(lines)
                .forEach(e -> System.out.printf(
                        "%-30s %8.2f %5.1f%%%n",
                        e.getKey(), e.getValue() * 1000 / requests, 100.0 * e.getValue() / finalTotal));
        System.out.printf("%-30s %8.2f%n", "all", total * 1000 / requests);
    }

    /** The library of the innermost frame that is not the JDK's; "jdk" when the whole stack is. */
    static String library(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            if (!frame.isJavaFrame() || frame.getMethod() == null) {
                continue;
            }
            String type = frame.getMethod().getType().getName();
            if (type.startsWith("java.")
                    || type.startsWith("jdk.")
                    || type.startsWith("sun.")
                    || type.startsWith("javax.")) {
                continue;
            }
            String[] parts = type.split("\\.");
            if (parts.length < 3) {
                return type;
            }
            if (parts[1].equals("asylumcasetracker") || parts[1].equals("jboss") || parts[1].equals("quarkus")) {
                return parts[0] + "." + parts[1] + "." + parts[2];
            }
            return parts[0] + "." + parts[1];
        }
        return "jdk";
    }
}
