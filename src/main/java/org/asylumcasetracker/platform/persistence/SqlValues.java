package org.asylumcasetracker.platform.persistence;

import java.sql.Date;
import java.time.LocalDate;

/** Values read by native queries, whose Java types depend on the driver. */
public final class SqlValues {

    private SqlValues() {
    }

    public static LocalDate toLocalDate(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof LocalDate date ? date : ((Date) value).toLocalDate();
    }
}
