package org.asylumcasetracker.it;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The packaged service refuses the development profiles: with {@code dev} or {@code test} it would trust dev
 * mode's own token key and start an embedded database. It stops at once and says why, even when everything a
 * production start needs is given.
 */
class DevelopmentProfileIT {

    @ParameterizedTest
    @ValueSource(strings = {"dev", "test"})
    void thePackagedServiceRefusesToStartWithADevelopmentProfile(String profile) {
        String name = "profile-" + profile;
        int exit = PackagedApp.runToExit(
                name,
                Map.of(
                        "QUARKUS_PROFILE", profile,
                        "QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:1/cases",
                        "QUARKUS_OIDC_AUTH_SERVER_URL", "http://127.0.0.1:1/realms/legal-aid"),
                Duration.ofSeconds(60));
        String output = PackagedApp.output(name);
        assertNotEquals(Integer.MIN_VALUE, exit, "the service kept running with the " + profile + " profile");
        assertNotEquals(0, exit);
        assertTrue(
                output.lines().findFirst().orElse("").contains("does not run with the '" + profile + "' profile"),
                "the first line of output should say why:\n" + output);
        assertTrue(!output.contains("Embedded PostgreSQL started"), "an embedded database was started");
    }
}
