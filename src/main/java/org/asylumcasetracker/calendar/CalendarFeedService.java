package org.asylumcasetracker.calendar;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.asylumcasetracker.organization.CurrentOrganization;
import org.asylumcasetracker.organization.Organization;
import org.asylumcasetracker.organization.OrganizationRepository;
import org.asylumcasetracker.platform.api.PageResponse;
import org.asylumcasetracker.platform.persistence.OrganizationScope;
import org.asylumcasetracker.platform.problem.AccessDeniedException;
import org.asylumcasetracker.platform.problem.ResourceNotFoundException;
import org.asylumcasetracker.platform.security.Caller;
import org.asylumcasetracker.platform.security.Roles;

/**
 * Creates, lists and revokes calendar feeds, and serves a feed to whoever holds its URL. A case worker's feed
 * shows their own clients and only they see and revoke it; a supervisor's shows the whole organization or one
 * case worker's clients, and supervisors see and revoke every feed of the organization.
 */
@ApplicationScoped
public class CalendarFeedService {

    private static final int TOKEN_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final CalendarFeedRepository feeds;
    private final CalendarEntries entries;
    private final OrganizationRepository organizations;
    private final CurrentOrganization organization;
    private final Caller caller;
    private final CalendarConfig config;
    private final Clock clock;

    /** A new feed and the token of its URL, which is not stored and so is shown this once. */
    public record Created(CalendarFeed feed, String token) {

        @Override
        public String toString() {
            return "Created[" + feed.getId() + "]";
        }
    }

    /** What a poll of the feed gets: its ETag, and the calendar unless the poller has that version already. */
    public record Served(String etag, Optional<String> calendar) {}

    @Inject
    public CalendarFeedService(
            CalendarFeedRepository feeds,
            CalendarEntries entries,
            OrganizationRepository organizations,
            CurrentOrganization organization,
            Caller caller,
            CalendarConfig config,
            Clock clock) {
        this.feeds = feeds;
        this.entries = entries;
        this.organizations = organizations;
        this.organization = organization;
        this.caller = caller;
        this.config = config;
        this.clock = clock;
    }

    @Transactional
    public Created create(String caseworker) {
        String shown = caseworker == null || caseworker.isBlank() ? null : caseworker.trim();
        if (!caller.hasRole(Roles.SUPERVISOR)) {
            if (shown != null && !shown.equals(caller.username())) {
                throw new AccessDeniedException("A case worker's calendar feed shows their own clients only.");
            }
            shown = caller.username();
        }
        byte[] random = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        CalendarFeed feed = new CalendarFeed(organization.id(), shown, sha256(token));
        feeds.persistAndFlush(feed);
        return new Created(feed, token);
    }

    public PageResponse<CalendarFeed> list(int page, int size) {
        PanacheQuery<CalendarFeed> query = feeds.active(organization.id(), ownOnly());
        return new PageResponse<>(query.page(Page.of(page, size)).list(), page, size, query.count());
    }

    @Transactional
    public void revoke(UUID id) {
        CalendarFeed feed = feeds.findActive(organization.id(), id)
                .filter(f -> ownOnly() == null || ownOnly().equals(f.getCreatedBy()))
                .orElseThrow(() -> new ResourceNotFoundException("Calendar feed", id));
        feed.revoke(OffsetDateTime.now(clock));
    }

    /**
     * The feed behind a URL token, or 404 for an unknown or revoked one. The ETag comes from the organization's
     * newest change and the day, so a poll that has the current version costs two indexed lookups and no calendar.
     */
    public Served serve(String token, String ifNoneMatch) {
        // No token names the organization here (one sent along is not what the URL is about): the URL's secret
        // finds it, and the feed and its calendar are read as that organization.
        String tokenSha256 = sha256(token);
        String organizationId = feeds.organizationOfActiveToken(tokenSha256)
                .orElseThrow(() -> new ResourceNotFoundException("Calendar feed", "at this address"));
        return OrganizationScope.ofOrganization(
                organizationId,
                () -> QuarkusTransaction.requiringNew().call(() -> {
                    CalendarFeed feed = feeds.findActiveByToken(tokenSha256)
                            .orElseThrow(() -> new ResourceNotFoundException("Calendar feed", "at this address"));
                    return serve(feed, ifNoneMatch);
                }));
    }

    private Served serve(CalendarFeed feed, String ifNoneMatch) {
        Organization owner = organizations.findById(feed.getOrganizationId());
        LocalDate today = LocalDate.now(clock.withZone(owner.zone()));
        long version = entries.dataVersion(feed.getOrganizationId());
        String etag = "\"" + sha256(feed.getId() + ":" + version + ":" + today).substring(0, 32) + "\"";
        if (ifNoneMatch != null
                && (ifNoneMatch.contains(etag) || ifNoneMatch.trim().equals("*"))) {
            return new Served(etag, Optional.empty());
        }
        OffsetDateTime since =
                today.minusDays(config.pastDays()).atStartOfDay(owner.zone()).toOffsetDateTime();
        String name = feed.getCaseworker() == null ? "Asylum cases" : "Asylum cases of " + feed.getCaseworker();
        String calendar = ICalendarWriter.write(
                name,
                entries.of(feed.getOrganizationId(), feed.getCaseworker(), since),
                feed.getCreatedAt().toInstant());
        return new Served(etag, Optional.of(calendar));
    }

    /** A case worker sees and revokes the feeds they made; a supervisor every feed of the organization. */
    private String ownOnly() {
        return caller.hasRole(Roles.SUPERVISOR) ? null : caller.username();
    }

    static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
