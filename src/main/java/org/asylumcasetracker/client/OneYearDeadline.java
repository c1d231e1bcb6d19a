package org.asylumcasetracker.client;

import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The last day on which an asylum application counts as filed within one year of the client's last arrival.
 *
 * <p>Sources: INA 208(a)(2)(B) (an application must be filed "within 1 year after the date of the alien's arrival
 * in the United States") and 8 CFR 208.4(a)(2)(ii) (the year is counted from the date of last arrival; when its last
 * day falls on a Saturday, Sunday or legal holiday, the period runs until the end of the next day that is not one).
 *
 * <p>Readings chosen where sources leave room, each the one that warns earlier: the last day is the anniversary of
 * the arrival itself (practitioner guides read it so: arrived 1 June, filed 2 June a year later is one day late);
 * an arrival on 29 February ends its year on 28 February, not 1 March; and the holidays are the
 * nationwide federal holidays of the maintained Jollyday calendar for the United States, with their observed days
 * (a holiday on a Saturday is observed the Friday before, on a Sunday the Monday after). Jollyday's nationwide list
 * leaves out Columbus Day (5 U.S.C. 6103 names it), so a deadline on that Monday is not moved: one day earlier than
 * the statute allows, never later.
 */
public final class OneYearDeadline {

    private static final HolidayManager FEDERAL_HOLIDAYS =
            HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.UNITED_STATES));

    private OneYearDeadline() {}

    /** The deadline for a client who last arrived on {@code lastArrivalOn}; empty when the arrival is unknown. */
    public static Optional<LocalDate> after(LocalDate lastArrivalOn) {
        if (lastArrivalOn == null) {
            return Optional.empty();
        }
        LocalDate day = lastArrivalOn.plusYears(1);
        while (isClosed(day)) {
            day = day.plusDays(1);
        }
        return Optional.of(day);
    }

    /** Saturday, Sunday or a federal legal holiday (as observed). */
    static boolean isClosed(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY
                || day.getDayOfWeek() == DayOfWeek.SUNDAY
                || FEDERAL_HOLIDAYS.isHoliday(day);
    }
}
