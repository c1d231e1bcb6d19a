package org.asylumcasetracker.it;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Points the application under test at the real Keycloak of {@link KeycloakServer}. {@link #stop()} leaves
 * the server running: its shutdown hook stops it when the JVM exits, so one Keycloak serves the whole suite.
 */
public class KeycloakTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("quarkus.oidc.auth-server-url", KeycloakServer.shared().realmUrl());
    }

    @Override
    public void stop() {
        // Shared with the other test classes; see the class comment.
    }
}
