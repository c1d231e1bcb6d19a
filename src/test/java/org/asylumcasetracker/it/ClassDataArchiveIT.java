package org.asylumcasetracker.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.asylumcasetracker.platform.db.EmbeddedPostgresServer;
import org.junit.jupiter.api.Test;

/**
 * The class-data sharing archive that the image makes ({@code docker/app-cds.sh}, run by
 * {@code docker/Dockerfile}): the training start writes it without a database, and the next start of the
 * packaged service maps it and loads the service's classes from it.
 */
class ClassDataArchiveIT {

    private static final Path ARCHIVE = Path.of("target", "it-app-cds.jsa");
    private static final Path CLASS_LOG = Path.of("target", "it-app-cds-classes.log");

    @Test
    void theImagesArchiveIsWrittenWithoutADatabaseAndUsedByTheNextStart() throws Exception {
        Files.deleteIfExists(ARCHIVE);
        ProcessBuilder training = new ProcessBuilder(
                        "sh",
                        Path.of("docker", "app-cds.sh").toString(),
                        ARCHIVE.toString(),
                        PackagedApp.jar().toString(),
                        "-Xmx256m")
                .redirectErrorStream(true)
                .redirectOutput(Path.of("target", "it-app-cds-training.out").toFile());
        training.environment().keySet().removeIf(k -> k.startsWith("QUARKUS_"));
        training.environment().put("JAVA", PackagedApp.java());
        Process process = training.start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the training start ends by itself");
        assertEquals(0, process.exitValue(), Files.readString(Path.of("target", "it-app-cds-training.out")));
        assertTrue(Files.size(ARCHIVE) > 1_000_000, "archive of " + Files.size(ARCHIVE) + " bytes");

        try (EmbeddedPostgres postgres = EmbeddedPostgresServer.startThrowAway();
                PackagedApp app = PackagedApp.start(
                        "cds",
                        Map.of(
                                "QUARKUS_DATASOURCE_JDBC_URL",
                                EmbeddedPostgresServer.jdbcUrl(postgres),
                                "QUARKUS_DATASOURCE_USERNAME",
                                "postgres",
                                "QUARKUS_DATASOURCE_PASSWORD",
                                "postgres",
                                "QUARKUS_OIDC_AUTH_SERVER_URL",
                                KeycloakServer.shared().realmUrl()),
                        // -Xshare:on: a JVM that cannot map the archive refuses to start instead of going on without it
                        List.of(
                                "-XX:SharedArchiveFile=" + ARCHIVE,
                                "-Xshare:on",
                                "-Xlog:class+load=info:file=" + CLASS_LOG))) {
            System.out.printf(
                    "packaged service with the class-data archive ready in %d ms%n",
                    app.startupTime().toMillis());
            // 180 of the ~320 classes of the service's own packages when this was written (the rest are classes
            // that Quarkus generates or transforms, or first used after the point where the training start ends)
            long fromArchive = linesWith("org.asylumcasetracker", "shared objects file (top)");
            assertTrue(fromArchive > 100, fromArchive + " of the service's classes came from the archive");
        }
    }

    private static long linesWith(String className, String source) throws IOException {
        try (Stream<String> lines = Files.lines(CLASS_LOG)) {
            return lines.filter(l -> l.contains(className) && l.contains(source))
                    .count();
        }
    }
}
