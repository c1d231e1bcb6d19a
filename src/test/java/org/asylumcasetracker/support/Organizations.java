package org.asylumcasetracker.support;

import static org.asylumcasetracker.support.Api.as;

import java.util.Map;

/** Makes sure the demo tenants of the tests exist; creating twice is harmless (409 is ignored). */
public final class Organizations {

    public static final String DEMO = "demo";
    public static final String OTHER_CLINIC = "other-clinic";

    private Organizations() {}

    public static void ensureDemoTenants() {
        ensure(DEMO, "Demo Immigration Legal Services", "America/New_York");
        ensure(OTHER_CLINIC, "Other Clinic", "America/Los_Angeles");
    }

    public static void ensure(String id, String name, String timeZone) {
        int status = as(TestTokens.ADMIN)
                .body(Map.of("id", id, "name", name, "timeZone", timeZone))
                .post("/api/v1/organizations")
                .statusCode();
        if (status != 201 && status != 409) {
            throw new IllegalStateException("Could not create organization " + id + ": HTTP " + status);
        }
    }
}
