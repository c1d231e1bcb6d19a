package org.asylumcasetracker.it;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The packaged service never quietly runs on a database of its own: without a JDBC URL it refuses to start. */
class MissingDatabaseIT {

    @Test
    void withoutADatabaseUrlThePackagedServiceRefusesToStartAndSaysWhy() {
        int exit = PackagedApp.runToExit(
                "no-database",
                Map.of("QUARKUS_OIDC_AUTH_SERVER_URL", "http://127.0.0.1:1/realms/legal-aid"),
                Duration.ofSeconds(60));
        String output = PackagedApp.output("no-database");
        assertNotEquals(Integer.MIN_VALUE, exit, "the service kept running without a database");
        assertNotEquals(0, exit);
        assertTrue(
                output.lines().findFirst().orElse("").contains("QUARKUS_DATASOURCE_JDBC_URL"),
                "the first line of output should name the variable to set:\n" + output);
        assertTrue(!output.contains("Embedded PostgreSQL started"), "an embedded database was started");
    }
}
