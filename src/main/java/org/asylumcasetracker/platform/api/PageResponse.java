package org.asylumcasetracker.platform.api;

import java.util.List;

/** One page of a list: {@code page} counts from 0, {@code total} is the number of matching rows. */
public record PageResponse<T>(List<T> items, int page, int size, long total) {}
