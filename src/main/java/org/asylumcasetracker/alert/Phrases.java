package org.asylumcasetracker.alert;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** Small pieces of the English summaries, so every rule counts and pluralises the same way. */
final class Phrases {

    private Phrases() {}

    static String months(int count) {
        return count == 1 ? "1 month" : count + " months";
    }

    static String days(long count) {
        return count == 1 ? "1 day" : count + " days";
    }

    /** "today", "tomorrow", "in 5 days", "yesterday", "3 days ago": how far {@code day} is from {@code asOf}. */
    static String relativeDay(LocalDate day, LocalDate asOf) {
        long ahead = ChronoUnit.DAYS.between(asOf, day);
        if (ahead == 0) {
            return "today";
        }
        if (ahead == 1) {
            return "tomorrow";
        }
        if (ahead == -1) {
            return "yesterday";
        }
        return ahead > 0 ? "in " + days(ahead) : days(-ahead) + " ago";
    }
}
