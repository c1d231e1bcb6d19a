package org.asylumcasetracker.platform.api;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.asylumcasetracker.platform.problem.InvalidInputException;

/** Date query parameters ({@code YYYY-MM-DD}) with a field error naming the parameter when malformed. */
public final class QueryDates {

    private QueryDates() {}

    public static LocalDate parseOr(String parameter, String value, LocalDate fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of(parameter, "must be a date YYYY-MM-DD");
        }
    }
}
