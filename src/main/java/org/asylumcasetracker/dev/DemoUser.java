package org.asylumcasetracker.dev;

import java.util.List;
import java.util.Optional;

/** The demo users, one per role plus one of another organization, the same as in the committed Keycloak realm. */
public record DemoUser(String username, String role, String organization) {

    public static final List<DemoUser> ALL = List.of(
            new DemoUser("alice", "caseworker", "demo"),
            new DemoUser("bob", "supervisor", "demo"),
            new DemoUser("dana", "reports", "demo"),
            new DemoUser("carol", "caseworker", "other-clinic"),
            new DemoUser("admin", "admin", null),
            new DemoUser("service-account-clinic-integration", "integration", "demo"));

    public static Optional<DemoUser> named(String username) {
        return ALL.stream().filter(u -> u.username().equals(username)).findFirst();
    }
}
