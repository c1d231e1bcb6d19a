package org.asylumcasetracker.filing;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The asylum work-permit clock of one person: the days counted from the day USCIS or the court received the
 * application, without the days it stood still for delays the applicant caused; the person may apply for a work
 * permit once {@code workPermitWaitDays} (150) days have been counted. A pure function of that person's facts: the
 * receipt day and the days the clock stopped and resumed.
 *
 * <p>Sources: INA 208(d)(2) and 8 CFR 208.7(a) (no employment authorization before 150 days after a complete
 * application; "any delay requested or caused by the applicant shall not be counted", including a failure without
 * good cause to follow the biometrics requirements); USCIS, "The Asylum EAD Clock" (the clock stops when the
 * applicant misses a biometrics appointment or asks to reschedule it, and starts again when biometrics are taken).
 * Where readings differ, the one that makes the applicant wait longer is taken, since a premature application is
 * denied and its fee is not refunded: a reschedule the applicant asks for stops the clock as a missed appointment
 * does, and both stop it until biometrics are completed or reused.
 */
public final class WorkPermitClock {

    /** Why the clock stood still, for the alert's words. */
    public enum StopReason {
        MISSED_BIOMETRICS,
        RESCHEDULE_REQUESTED
    }

    /** One fact of the person's timeline that moves the clock: a stop (with its reason) or a resume. */
    public record Fact(LocalDate on, StopReason stops) {

        public static Fact stop(LocalDate on, StopReason reason) {
            return new Fact(on, reason);
        }

        /** Biometrics completed or reused: the clock runs again. */
        public static Fact resume(LocalDate on) {
            return new Fact(on, null);
        }
    }

    /** One interval the clock stood still, {@code to} exclusive ({@code null}: still stopped). */
    public record Stop(LocalDate from, LocalDate to, StopReason reason) {
        public long days() {
            return to == null ? 0 : ChronoUnit.DAYS.between(from, to);
        }
    }

    /**
     * The outcome: the day the person may apply (empty while the clock stands still short of the wait), the
     * days it stood still before that, and the stops themselves.
     */
    public record Result(Optional<LocalDate> eligibleOn, long stoppedDays, List<Stop> stops) {

        /** Whether the clock stands still at the end of the facts, short of the wait. */
        public boolean stopped() {
            return eligibleOn.isEmpty();
        }
    }

    private WorkPermitClock() {}

    public static Result of(LocalDate receivedOn, int waitDays, List<Fact> facts) {
        List<Stop> stops = stops(facts);
        LocalDate counting = receivedOn;
        long remaining = waitDays;
        long stopped = 0;
        List<Stop> counted = new ArrayList<>();
        for (Stop stop : stops) {
            if (stop.to() != null && !stop.to().isAfter(counting)) {
                continue; // over before the clock started, or inside a stop already counted
            }
            LocalDate from = stop.from().isBefore(counting) ? counting : stop.from();
            long runUntilStop = ChronoUnit.DAYS.between(counting, from);
            if (runUntilStop >= remaining) {
                break; // the wait was over before this stop
            }
            remaining -= runUntilStop;
            counted.add(new Stop(from, stop.to(), stop.reason()));
            if (stop.to() == null) {
                return new Result(Optional.empty(), stopped, counted);
            }
            stopped += ChronoUnit.DAYS.between(from, stop.to());
            counting = stop.to();
        }
        return new Result(Optional.of(counting.plusDays(remaining)), stopped, counted);
    }

    /** The intervals between a stop and the next resume, in date order; a second stop while stopped extends none. */
    private static List<Stop> stops(List<Fact> facts) {
        List<Fact> ordered = new ArrayList<>(facts);
        ordered.sort(Comparator.comparing(Fact::on));
        List<Stop> stops = new ArrayList<>();
        LocalDate since = null;
        StopReason reason = null;
        for (Fact fact : ordered) {
            if (fact.stops() != null && since == null) {
                since = fact.on();
                reason = fact.stops();
            } else if (fact.stops() == null && since != null) {
                stops.add(new Stop(since, fact.on(), reason));
                since = null;
            }
        }
        if (since != null) {
            stops.add(new Stop(since, null, reason));
        }
        return stops;
    }

    /** Whether events of this type stop or restart the clock. */
    public static boolean moves(EventType type) {
        return switch (type) {
            case BIOMETRICS_MISSED, RESCHEDULE_REQUESTED, BIOMETRICS_COMPLETED, BIOMETRICS_REUSED -> true;
            default -> false;
        };
    }

    /**
     * The facts that move one person's clock, of the events the filing's progress keeps ({@link Progress#keptEvents},
     * the events in effect, so nothing retracted); an event that names nobody is the principal's.
     */
    public static List<Fact> factsOf(List<KeptEvent> kept, UUID person, UUID principal) {
        List<Fact> facts = new ArrayList<>();
        for (KeptEvent event : kept) {
            if (!event.concerns(person, principal)) {
                continue;
            }
            switch (event.type()) {
                case BIOMETRICS_MISSED -> facts.add(Fact.stop(event.on(), StopReason.MISSED_BIOMETRICS));
                case RESCHEDULE_REQUESTED -> facts.add(Fact.stop(event.on(), StopReason.RESCHEDULE_REQUESTED));
                case BIOMETRICS_COMPLETED, BIOMETRICS_REUSED -> facts.add(Fact.resume(event.on()));
                default -> {
                    // a fee event: no effect on the clock
                }
            }
        }
        return facts;
    }
}
