package nl.weerbaar.bulletins;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.weerbaar.access.AccessControl;
import nl.weerbaar.access.Actor;
import nl.weerbaar.access.AuditTrail;
import nl.weerbaar.access.Role;
import nl.weerbaar.areas.AreaLimits;
import nl.weerbaar.system.DomainException.Conflict;
import nl.weerbaar.system.DomainException.NotFound;
import nl.weerbaar.system.InputCheck;
import nl.weerbaar.system.Versioned;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Feeds of other authorities that coordinators subscribe to for their area. Weerbaar polls each
 * one ({@link FeedPoller}) and shows what is in force beside its own bulletins on the area's pages.
 */
@Service
class FeedSubscriptions {

    static final int DEFAULT_INTERVAL_MINUTES = 5;

    private final FeedSubscriptionRepository feeds;
    private final FeedAddresses addresses;
    private final AccessControl access;
    private final AuditTrail audit;
    private final CapImports capImports;
    private final Clock clock;

    FeedSubscriptions(FeedSubscriptionRepository feeds, FeedAddresses addresses, AccessControl access, AuditTrail audit,
                      CapImports capImports, Clock clock) {
        this.feeds = feeds;
        this.capImports = capImports;
        this.addresses = addresses;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    /** A new subscription: a name for the source, the feed's URL, our area it speaks for, how often to poll (minutes, default 5). */
    public record NewSubscription(String name, String url, String area, Integer pollIntervalMinutes) {}

    @Transactional
    public FeedSubscription subscribe(NewSubscription request) {
        Actor actor = access.requireRole(Role.COORDINATOR);
        String area = request.area() == null ? null : request.area().strip().toUpperCase();
        String url = request.url() == null ? null : request.url().strip();
        int minutes = request.pollIntervalMinutes() == null ? DEFAULT_INTERVAL_MINUTES : request.pollIntervalMinutes();
        Optional<String> urlProblem = url == null || url.isEmpty() ? Optional.of("is required")
                : url.length() > 2000 ? Optional.of("must be at most 2,000 characters")
                : InputCheck.unacceptableCharacter(url) != null ? Optional.of("must not contain control characters")
                : addresses.problemWithForm(url);
        new InputCheck()
                .require(request.name(), n -> !InputCheck.isBlank(n) && n.strip().length() <= 200
                        && InputCheck.unacceptableCharacter(n) == null, "name", "must name the source, in 1 to 200 characters")
                .require(urlProblem.isEmpty(), "url", urlProblem.map(p -> p + ": the http or https URL of an Atom or RSS feed, "
                        + "or of a text/uri-list, of CAP messages").orElse(""))
                .require(area, a -> a.matches(AreaLimits.AREA_CODE), "area",
                        "must name our area the feed speaks for: NL, VR13 or GM0363")
                .require(minutes, m -> m >= 1 && m <= 1440, "pollIntervalMinutes", "must be a whole number of minutes from 1 to 1440")
                .orThrow();
        access.require(Role.COORDINATOR, area);
        if (feeds.liveWith(url, area)) {
            throw new Conflict("this feed is subscribed to already for " + area, "bulletins.refusal.feedSubscribed", area);
        }
        Instant now = now();
        FeedSubscription feed = new FeedSubscription(UUID.randomUUID(), request.name().strip(), url, area, Duration.ofMinutes(minutes),
                1, actor.username(), now, null, null, now, 0, null, null, null, null, null, null, null);
        feeds.insert(feed);
        audit.record(new AuditTrail.Change("feed.subscribed", "feed_subscription", feed.id().toString(), area, null, summary(feed)));
        return feed;
    }

    /** The subscriptions in the caller's areas (staff). */
    public List<FeedSubscription> list() {
        Actor actor = access.requireRole(Role.VIEWER);
        return feeds.list(access.areasInScope(actor));
    }

    public FeedSubscription get(UUID id) {
        Actor actor = access.requireRole(Role.VIEWER);
        return feeds.find(id).filter(feed -> access.mayRead(actor, feed.area())).orElseThrow(() -> notFound(id));
    }

    /** Ends a subscription: no more polling, and its messages leave the area's pages (kept, with the feed, for the record). */
    @Transactional
    public FeedSubscription end(UUID id, String ifMatch) {
        access.requireRole(Role.COORDINATOR);
        FeedSubscription feed = feeds.find(id).orElseThrow(() -> notFound(id));
        Actor actor = access.require(Role.COORDINATOR, feed.area());
        Versioned.requireMatch(ifMatch, feed.version());
        if (feed.endedAt() != null) {
            throw new Conflict("the subscription " + id + " ended already at " + feed.endedAt(), "bulletins.refusal.feedEnded",
                    feed.name());
        }
        feeds.end(id, actor.username(), now());
        FeedSubscription ended = feeds.find(id).orElseThrow();
        audit.record(new AuditTrail.Change("feed.ended", "feed_subscription", id.toString(), feed.area(), summary(feed), summary(ended)));
        return ended;
    }

    /** The messages a feed brought, newest first, each with its verdict and whether it is in force now. */
    public List<CapImports.Imported> messages(UUID id) {
        FeedSubscription feed = get(id);
        return capImports.fromFeed(feed.id(), feed.area());
    }

    private static Map<String, Object> summary(FeedSubscription feed) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("name", feed.name());
        summary.put("url", feed.url());
        summary.put("area", feed.area());
        summary.put("pollIntervalMinutes", feed.pollInterval().toMinutes());
        summary.put("version", feed.version());
        if (feed.endedAt() != null) {
            summary.put("endedAt", feed.endedAt().toString());
        }
        return summary;
    }

    static NotFound notFound(UUID id) {
        return new NotFound("no feed subscription " + id, "bulletins.refusal.noFeed");
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
