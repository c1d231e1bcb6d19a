package org.asylumcasetracker.alert;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.asylumcasetracker.filing.Filing;
import org.asylumcasetracker.filing.FilingEvent;
import org.asylumcasetracker.filing.FilingHistory;
import org.asylumcasetracker.filing.PersonProgress;
import org.asylumcasetracker.filing.Progress;
import org.asylumcasetracker.organization.OrganizationSettings;

/**
 * A filing's alert windows over its whole history, so that a report as of any day, past ones included, says what the
 * facts then known raised: the alerts "as of D" are those the rules give for the events that happened on or before
 * D (retracted events left out). Between two days on which events happened the facts stand still, so the history is
 * a few pieces: for each piece the rules give their windows, cut to the days the piece lasts, and the pieces of one
 * window that follow each other are joined. A window's {@code raisedOn} is the first day it counts, which is later
 * than its due day when the facts that raise it were recorded after that day (a notice whose appointment had already
 * passed); its {@code endsOn} is the last day it counts, also when a later fact (a receipt) ended it.
 *
 * <p>A pure function of the filing, its timeline, the people's identity documents and the settings.
 */
public final class AlertHistory {

    /** One person's window: counted from {@code raisedOn} to {@code window.endsOn()} (open: still counting). */
    public record PersonWindow(UUID clientId, AlertWindow window, LocalDate raisedOn) {

        public PersonWindow {
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(raisedOn, "raisedOn");
        }
    }

    private static final Comparator<PersonWindow> BY_WINDOW = Comparator.comparing(
                    (PersonWindow w) -> w.clientId().toString())
            .thenComparing(w -> w.window().code())
            .thenComparing(w -> String.valueOf(w.window().duty()))
            .thenComparing(w -> w.window().dueOn())
            .thenComparing(PersonWindow::raisedOn);

    private AlertHistory() {}

    /**
     * Every window the filing's people had on any day, from the first day on; {@code timeline} is the filing's events
     * (retracted ones are left out), {@code hasPrimaryId} by client (absent: no).
     */
    public static List<PersonWindow> windows(
            Filing filing,
            List<FilingEvent> timeline,
            Map<UUID, Boolean> hasPrimaryId,
            OrganizationSettings settings,
            ZoneId zone) {
        List<FilingEvent> inEffect = FilingFacts.inEffect(timeline);
        List<FilingHistory.Entry> entries = FilingFacts.entries(filing, inEffect);
        List<LocalDate> days = inEffect.stream()
                .map(FilingEvent::getOccurredOn)
                .distinct()
                .sorted()
                .toList();
        List<PersonWindow> pieces = new ArrayList<>();
        for (int i = 0; i <= days.size(); i++) {
            boolean last = i == days.size();
            LocalDate from = i == 0 ? null : days.get(i - 1); // the facts of this piece hold from this day
            LocalDate to = last ? null : days.get(i).minusDays(1); // until the day before the next event
            Progress progress =
                    last ? filing.progress() : filing.progressOn(days.get(i).minusDays(1), entries, zone);
            for (PersonProgress person : filing.people(progress)) {
                FilingFacts facts =
                        FilingFacts.of(filing, progress, person, hasPrimaryId.getOrDefault(person.clientId(), false));
                for (AlertWindow window : AlertRules.windows(facts, settings, zone)) {
                    cut(person.clientId(), window, from, to, pieces);
                }
            }
        }
        return joined(pieces);
    }

    /** The part of {@code window} that falls within [from, to] (either end open), if any. */
    private static void cut(UUID clientId, AlertWindow window, LocalDate from, LocalDate to, List<PersonWindow> into) {
        LocalDate raised = from == null || window.dueOn().isAfter(from) ? window.dueOn() : from;
        LocalDate ends = window.endsOn();
        if (to != null && (ends == null || ends.isAfter(to))) {
            ends = to;
        }
        if (ends != null && ends.isBefore(raised)) {
            return;
        }
        into.add(new PersonWindow(
                clientId, new AlertWindow(window.code(), window.dueOn(), ends, window.duty()), raised));
    }

    /** Joins the pieces of one window (person, code, duty, due day) that follow each other without a gap. */
    private static List<PersonWindow> joined(List<PersonWindow> pieces) {
        List<PersonWindow> sorted = new ArrayList<>(pieces);
        sorted.sort(BY_WINDOW);
        List<PersonWindow> joined = new ArrayList<>();
        for (PersonWindow piece : sorted) {
            PersonWindow previous = joined.isEmpty() ? null : joined.get(joined.size() - 1);
            if (previous != null
                    && sameWindow(previous, piece)
                    && previous.window().endsOn() != null
                    && !previous.window().endsOn().plusDays(1).isBefore(piece.raisedOn())) {
                AlertWindow w = previous.window();
                LocalDate ends = piece.window().endsOn() == null
                                || piece.window().endsOn().isAfter(w.endsOn())
                        ? piece.window().endsOn()
                        : w.endsOn();
                joined.set(
                        joined.size() - 1,
                        new PersonWindow(
                                previous.clientId(),
                                new AlertWindow(w.code(), w.dueOn(), ends, w.duty()),
                                previous.raisedOn()));
            } else {
                joined.add(piece);
            }
        }
        return joined;
    }

    private static boolean sameWindow(PersonWindow a, PersonWindow b) {
        return a.clientId().equals(b.clientId())
                && a.window().code() == b.window().code()
                && Objects.equals(a.window().duty(), b.window().duty())
                && a.window().dueOn().equals(b.window().dueOn());
    }
}
