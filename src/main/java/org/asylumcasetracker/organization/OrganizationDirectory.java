package org.asylumcasetracker.organization;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;

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
    public record Snapshot(String id, ZoneId zone, OrganizationSettings settings) {}

    /** Far more organizations than one deployment serves; only a bound against unbounded growth. */
    private static final int MAX_ENTRIES = 10_000;

    private final OrganizationRepository organizations;
    private final Cache<String, Snapshot> entries =
            Caffeine.newBuilder().expireAfterWrite(TTL).maximumSize(MAX_ENTRIES).build();

    @Inject
    public OrganizationDirectory(OrganizationRepository organizations) {
        this.organizations = organizations;
    }

    /** The organization's snapshot; an unknown id is looked up again next time, never remembered as absent. */
    public Optional<Snapshot> find(String id) {
        return Optional.ofNullable(entries.get(id, this::load));
    }

    private Snapshot load(String id) {
        return organizations
                .findByIdOptional(id)
                .map(o -> new Snapshot(o.getId(), o.zone(), o.settings()))
                .orElse(null);
    }

    void onSettingsChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) SettingsChanged event) {
        entries.invalidate(event.organizationId());
    }
}
