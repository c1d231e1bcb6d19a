package org.asylumcasetracker.support;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/** Days relative to today where the demo organization is (America/New_York), as the service sees them. */
public final class Dates {

    public static final ZoneId DEMO_ZONE = ZoneId.of("America/New_York");

    private Dates() {}

    public static LocalDate today() {
        return LocalDate.now(DEMO_ZONE);
    }

    public static String daysAgo(int days) {
        return today().minusDays(days).toString();
    }

    public static String daysAhead(int days) {
        return today().plusDays(days).toString();
    }

    /** 09:00 local time, {@code days} from today (negative: in the past), with its offset. */
    public static String morning(int days) {
        return today().plusDays(days)
                .atTime(9, 0)
                .atZone(DEMO_ZONE)
                .toOffsetDateTime()
                .toString();
    }

    public static String hoursFromNow(long hours) {
        return OffsetDateTime.now(DEMO_ZONE).plusHours(hours).withNano(0).toString();
    }
}
