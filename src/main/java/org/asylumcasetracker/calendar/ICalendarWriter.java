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
 * offset, its local time there is added to the description; a deadline is a whole-day event on its date. A person
 * appears by initials and filing id only.
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
        String who = entry.filingId() == null
                ? entry.initials()
                : entry.initials() + " (filing " + entry.filingId().toString().substring(0, 8) + ")";
        String summary = title(entry.kind()) + ": " + who;
        VEvent event = entry.kind().isDeadline()
                ? new VEvent(entry.day(), summary) // a whole day: DTSTART as a DATE, one day long
                : new VEvent(entry.at().toInstant(), duration(entry.kind()), summary);
        event.replace(new DtStamp(stamp));
        event.add(new Uid(uid(entry)));
        if (entry.location() != null && !entry.location().isBlank()) {
            event.add(new Location(entry.location()));
        }
        event.add(new Description(description(entry)));
        return event;
    }

    /**
     * The entry's stable identity: its kind, its filing and, where it is one person's among several, the person (the
     * principal's appointment and the shared hearings keep the form they always had).
     */
    static String uid(CalendarEntry entry) {
        StringBuilder uid = new StringBuilder(entry.kind().name().toLowerCase().replace('_', '-'));
        if (entry.filingId() != null) {
            uid.append('-').append(entry.filingId());
        }
        if (entry.clientId() != null) {
            uid.append('-').append(entry.clientId());
        }
        return uid.append("@asylum-case-tracker").toString();
    }

    private static String title(CalendarEntry.Kind kind) {
        return switch (kind) {
            case BIOMETRICS_APPOINTMENT -> "Biometrics appointment";
            case MASTER_CALENDAR_HEARING -> "Master calendar hearing";
            case INDIVIDUAL_HEARING -> "Individual hearing";
            case ONE_YEAR_DEADLINE -> "One-year asylum deadline";
            case AR_11_DEADLINE -> "Last day to send AR-11 (address change) to USCIS";
            case EOIR_33_DEADLINE -> "Last day to send EOIR-33 (address change) to the court";
        };
    }

    private static Duration duration(CalendarEntry.Kind kind) {
        return kind == CalendarEntry.Kind.INDIVIDUAL_HEARING ? Duration.ofHours(3) : Duration.ofHours(1);
    }

    private static String description(CalendarEntry entry) {
        StringBuilder text = new StringBuilder();
        text.append(title(entry.kind())).append(" of ").append(entry.initials());
        if (entry.filingId() != null) {
            text.append(", filing ").append(entry.filingId());
        }
        text.append('.');
        switch (entry.kind()) {
            case BIOMETRICS_APPOINTMENT ->
                text.append(" Bring the appointment notice and an identity document; arrive 15 minutes early.");
            case ONE_YEAR_DEADLINE ->
                text.append(" File the I-589 by this day; after it, asylum is barred unless an exception applies.");
            case AR_11_DEADLINE, EOIR_33_DEADLINE ->
                text.append(" Until the new address is reported, notices go to the old one.");
            default -> {
                // a hearing says where, in its location
            }
        }
        if (entry.at() != null && !ZoneOffset.UTC.equals(entry.at().getOffset())) {
            text.append(" Local time there: ")
                    .append(LOCAL_TIME.format(entry.at()))
                    .append(" (UTC")
                    .append(entry.at().getOffset().getId())
                    .append(").");
        }
        return text.toString();
    }
}
