package org.asylumcasetracker.platform.security;

/**
 * A person (token subject) was seen for the first time, or under a new username (renamed in Keycloak).
 * Fired inside the transaction that records it; features that show usernames next to a subject follow it.
 *
 * @param organization the person's organization from the token, if any
 */
public record AccountNamed(String subject, String username, String organization) {}
