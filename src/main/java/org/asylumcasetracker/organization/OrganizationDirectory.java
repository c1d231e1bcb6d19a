package org.asylumcasetracker.organization;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * What nearly every request asks about its tenant (that it exists, its time zone, its thresholds for showing
 * alerts), kept per instance for a few seconds so that a read needs no round trip for it. An organization is
 * never deleted and its time zone never changes; its settings do: a change clears the copy on this instance
 * when it commits, other instances show the new thresholds within {@link #TTL}. Decisions that write (an
 * event's rules, a new filing's process, the stored alert windows) read the organization itself instead.
 */
@ApplicationScoped
public class OrganizationDirectory {

    public static final Duration TTL = Duration.ofSeconds(5);

    /** An immutable copy of what reads need. */
    public record Snapshot(String id, ZoneId zone, OrganizationSettings settings) {
    }

    private record Entry(Snapshot snapshot, long expiresAtNanos) {
    }

    private final OrganizationRepository organizations;
    private final ConcurrentMap<String, Entry> entries = new ConcurrentHashMap<>();

    @Inject
    public OrganizationDirectory(OrganizationRepository organizations) {
        this.organizations = organizations;
    }

    public Optional<Snapshot> find(String id) {
        long now = System.nanoTime();
        Entry entry = entries.get(id);
        if (entry != null && now - entry.expiresAtNanos() < 0) {
            return Optional.of(entry.snapshot());
        }
        Optional<Snapshot> loaded = organizations.findByIdOptional(id)
                .map(o -> new Snapshot(o.getId(), o.zone(), o.settings()));
        loaded.ifPresent(snapshot -> entries.put(id, new Entry(snapshot, now + TTL.toNanos())));
        return loaded;
    }

    void onSettingsChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) SettingsChanged event) {
        entries.remove(event.organizationId());
    }
}
