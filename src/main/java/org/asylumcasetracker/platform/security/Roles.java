package org.asylumcasetracker.platform.security;

/** The Keycloak realm roles (realm {@code legal-aid}); every endpoint names the ones it admits. */
public final class Roles {

    /** Reads and writes clients, filings and events of the own organization. */
    public static final String CASEWORKER = "caseworker";
    /** A caseworker who may also read reports, change settings and retract events. */
    public static final String SUPERVISOR = "supervisor";
    /** Read-only access to overdue reports. */
    public static final String REPORTS = "reports";
    /** Service accounts of clinic systems. */
    public static final String INTEGRATION = "integration";
    /** Manages organizations; needs no organization of its own. */
    public static final String ADMIN = "admin";

    private Roles() {}
}
