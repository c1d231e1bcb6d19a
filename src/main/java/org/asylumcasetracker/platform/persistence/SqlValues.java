package org.asylumcasetracker.platform.persistence;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/** Values read by native queries, whose Java types depend on the driver. */
public final class SqlValues {

    private SqlValues() {}

    public static LocalDate toLocalDate(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof LocalDate date ? date : ((Date) value).toLocalDate();
    }

    /** A {@code timestamptz} column as an offset date-time (UTC when the driver gives no offset). */
    public static OffsetDateTime toOffsetDateTime(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime time) {
            return time;
        }
        if (value instanceof ZonedDateTime time) {
            return time.toOffsetDateTime();
        }
        Instant instant = value instanceof Instant i ? i : ((Timestamp) value).toInstant();
        return instant.atOffset(ZoneOffset.UTC);
    }
}
