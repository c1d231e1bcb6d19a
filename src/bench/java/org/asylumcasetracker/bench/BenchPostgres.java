package org.asylumcasetracker.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Starts a real PostgreSQL 17 server (the zonky embedded binaries from Maven Central) for the benchmark and
 * keeps it running until this JVM is stopped; the shutdown hook stops the server with it.
 *
 * <p>Usage: {@code BenchPostgres <data-dir> <ready-file> <log-file> [shared_buffers]}. When the server accepts
 * connections its port is written to {@code ready-file}. The data directory is kept, so a later run can reuse
 * a loaded data set; deleting it is the caller's business.
 */
public final class BenchPostgres {

    private BenchPostgres() {}

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        Path readyFile = Path.of(args[1]);
        Path logFile = Path.of(args[2]);
        String sharedBuffers = args.length > 3 ? args[3] : "1GB";
        Files.createDirectories(dataDir);

        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                // zonky switches synchronous_commit off by default (fine for unit tests, wrong for a benchmark):
                // every commit here waits for its WAL flush, as on a production server.
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("fsync", "on")
                .setServerConfig("timezone", "UTC")
                .setServerConfig("max_connections", "200")
                .setServerConfig("shared_buffers", sharedBuffers)
                // Larger WAL budget so the bulk load is not one checkpoint after another.
                .setServerConfig("max_wal_size", "4GB")
                .start();

        Files.writeString(readyFile, Integer.toString(postgres.getPort()), StandardCharsets.UTF_8);
        System.out.println("PostgreSQL 17 listening on port " + postgres.getPort() + ", data in " + dataDir);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            try {
                                postgres.close();
                            } catch (Exception e) {
                                System.err.println("PostgreSQL did not stop cleanly: " + e.getMessage());
                            }
                        },
                        "bench-postgres-stop"));
        Thread.currentThread().join();
    }
}
