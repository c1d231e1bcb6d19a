package org.asylumcasetracker.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * Writes calendar entries as an RFC 5545 iCalendar document with ical4j. Times are written in UTC (RFC 5545
 * 3.3.5, form #2), which every calendar app shows in its user's zone; when an entry carries the office's own
 * offset, its local time there is added to the description. A person appears by initials and filing id only.
 * The output depends on its inputs alone ({@code stamp} is the DTSTAMP), so the same data gives the same bytes.
 */
public final class ICalendarWriter {

    static final String PRODUCT = "-//Asylum Case Tracker//Calendar feed 1.0//EN";
    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private ICalendarWriter() {}

    public static String write(String name, List<CalendarEntry> entries, Instant stamp) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODUCT));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(ImmutableMethod.PUBLISH);
        calendar.add(new XProperty("X-WR-CALNAME", name));
        for (CalendarEntry entry : entries) {
            calendar.add(event(entry, stamp));
        }
        return calendar.toString();
    }

    private static VEvent event(CalendarEntry entry, Instant stamp) {
        String who =
                entry.initials() + " (filing " + entry.filingId().toString().substring(0, 8) + ")";
        VEvent event = new VEvent(entry.at().toInstant(), duration(entry.kind()), title(entry.kind()) + ": " + who);
        event.replace(new DtStamp(stamp));
        event.add(new Uid(
                entry.kind().name().toLowerCase().replace('_', '-') + "-" + entry.filingId() + "@asylum-case-tracker"));
        if (entry.location() != null && !entry.location().isBlank()) {
            event.add(new Location(entry.location()));
        }
        event.add(new Description(description(entry)));
        return event;
    }

    private static String title(CalendarEntry.Kind kind) {
        return switch (kind) {
            case BIOMETRICS_APPOINTMENT -> "Biometrics appointment";
            case MASTER_CALENDAR_HEARING -> "Master calendar hearing";
            case INDIVIDUAL_HEARING -> "Individual hearing";
        };
    }

    private static Duration duration(CalendarEntry.Kind kind) {
        return kind == CalendarEntry.Kind.INDIVIDUAL_HEARING ? Duration.ofHours(3) : Duration.ofHours(1);
    }

    private static String description(CalendarEntry entry) {
        StringBuilder text = new StringBuilder();
        text.append(title(entry.kind()))
                .append(" of ")
                .append(entry.initials())
                .append(", filing ")
                .append(entry.filingId())
                .append('.');
        if (entry.kind() == CalendarEntry.Kind.BIOMETRICS_APPOINTMENT) {
            text.append(" Bring the appointment notice and an identity document; arrive 15 minutes early.");
        }
        if (!ZoneOffset.UTC.equals(entry.at().getOffset())) {
            text.append(" Local time there: ")
                    .append(LOCAL_TIME.format(entry.at()))
                    .append(" (UTC")
                    .append(entry.at().getOffset().getId())
                    .append(").");
        }
        return text.toString();
    }
}
