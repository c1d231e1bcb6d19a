package org.asylumcasetracker.alert;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.asylumcasetracker.filing.AlertCode;

/**
 * The days on which one alert is raised for a filing as it stands: from {@code dueOn} through
 * {@code endsOn}, or with no end when {@code endsOn} is null. Every condition of an alert rule that depends on the
 * date asked about is expressed here, so stored windows answer "what is raised on D" with a range query;
 * anything else that switches an alert off is a change to the filing, after which the windows are recomputed.
 * {@code duty} tells apart windows of one code that a person can have more than once (the form of an address
 * change to report); {@code null} for all others.
 */
public record AlertWindow(AlertCode code, LocalDate dueOn, LocalDate endsOn, String duty) {

    public AlertWindow {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(dueOn, "dueOn");
    }

    /** A window of a code a person or filing has at most once. */
    public AlertWindow(AlertCode code, LocalDate dueOn, LocalDate endsOn) {
        this(code, dueOn, endsOn, null);
    }

    /** A window that lasts until the filing changes. */
    public static AlertWindow from(AlertCode code, LocalDate dueOn) {
        return new AlertWindow(code, dueOn, null);
    }

    public boolean isRaisedOn(LocalDate asOf) {
        return !asOf.isBefore(dueOn) && (endsOn == null || !asOf.isAfter(endsOn));
    }

    public long daysOverdue(LocalDate asOf) {
        return ChronoUnit.DAYS.between(dueOn, asOf);
    }
}
