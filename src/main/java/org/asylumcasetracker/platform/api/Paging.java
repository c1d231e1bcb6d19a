package org.asylumcasetracker.platform.api;

/** Shared limits of list endpoints ({@code ?page=0&size=50}, size at most 200). */
public final class Paging {

    public static final String DEFAULT_SIZE = "50";
    public static final int MAX_SIZE = 200;
    /** Keeps {@code page × size} a valid row offset; nobody pages a million pages deep. */
    public static final int MAX_PAGE = 1_000_000;

    private Paging() {}
}
