package nl.weerbaar.bulletins;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.weerbaar.system.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.w3c.dom.Document;

/**
 * Polls subscribed feeds when they are due. Any number of instances may run this: each claims a
 * due feed with a lease on its row ({@code for update skip locked}), so one polls a feed at a
 * time, and a feed whose instance died is taken up again when the lease runs out. A failed poll
 * is retried after the feed's interval doubled per failure in a row (at most
 * {@code weerbaar.feeds.max-backoff}); a success resets it.
 *
 * <p>Each new linked message is fetched once, read as safely as an upload, checked for its
 * verdict and imported once (sender, identifier, sent), oldest first. A message that could not
 * be fetched is tried again at the next poll: the feed is then asked for in full, not with its
 * validators.
 */
@Component
class FeedPoller {

    private static final Logger log = LoggerFactory.getLogger(FeedPoller.class);
    /** At most this many new messages are fetched per poll; more wait for the next one. */
    static final int MAX_NEW_PER_POLL = 25;
    private static final int MAX_FEEDS_PER_ROUND = 50;

    /** What a poll did: whether it worked, and in words what it brought or why it failed. */
    record Outcome(boolean succeeded, int imported, int duplicates, int refused, String words) {}

    private final FeedSubscriptionRepository feeds;
    private final FeedFetcher fetcher;
    private final CapImports capImports;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Duration lease;
    private final Duration maxBackoff;

    FeedPoller(FeedSubscriptionRepository feeds, FeedFetcher fetcher, CapImports capImports, TransactionTemplate transactions,
               Clock clock, @Value("${weerbaar.feeds.timeout:PT20S}") Duration timeout,
               @Value("${weerbaar.feeds.max-backoff:PT6H}") Duration maxBackoff) {
        this.feeds = feeds;
        this.fetcher = fetcher;
        this.capImports = capImports;
        this.transactions = transactions;
        this.clock = clock;
        // Long enough for the feed and every message a poll may fetch, each within the time-out.
        this.lease = timeout.multipliedBy(MAX_NEW_PER_POLL + 2);
        this.maxBackoff = maxBackoff;
    }

    @Scheduled(fixedDelayString = "${weerbaar.feeds.check-interval:PT30S}", initialDelayString = "${weerbaar.feeds.check-interval:PT30S}")
    void pollDue() {
        for (int i = 0; i < MAX_FEEDS_PER_ROUND; i++) {
            Instant now = clock.instant();
            Optional<FeedSubscription> due = feeds.claimDue(now, now.plus(lease));
            if (due.isEmpty()) {
                return;
            }
            poll(due.get());
        }
    }

    /** Polls one feed now, due or not; empty when it ended or another instance is polling it. */
    Optional<Outcome> pollNow(UUID id) {
        Instant now = clock.instant();
        return feeds.claim(id, now, now.plus(lease)).map(this::poll);
    }

    private Outcome poll(FeedSubscription feed) {
        Outcome outcome;
        try {
            outcome = fetchAndImport(feed);
        } catch (FeedFetcher.FetchFailed | FeedDocument.Malformed e) {
            outcome = new Outcome(false, 0, 0, 0, e.getMessage());
        } catch (RuntimeException e) {
            log.warn("Polling the feed {} ({}) went wrong", feed.id(), feed.url(), e);
            outcome = new Outcome(false, 0, 0, 0, "could not be read: " + e.getClass().getSimpleName());
        }
        if (!outcome.succeeded()) {
            Instant now = clock.instant();
            Duration backoff = backoff(feed.pollInterval(), feed.failures() + 1);
            feeds.failed(feed.id(), now, outcome.words(), now.plus(backoff));
            log.info("Feed {} ({}) failed {} time(s) in a row, next try in {}: {}", feed.name(), feed.url(),
                    feed.failures() + 1, backoff, outcome.words());
        }
        return outcome;
    }

    /** The interval doubled per failure in a row, up to the maximum. */
    Duration backoff(Duration interval, int failuresInARow) {
        Duration delay = interval;
        for (int i = 0; i < failuresInARow && delay.compareTo(maxBackoff) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxBackoff) > 0 ? maxBackoff : delay;
    }

    private record Candidate(URI link, byte[] xml, Document document, Instant sent) {}

    private Outcome fetchAndImport(FeedSubscription feed) throws FeedFetcher.FetchFailed, FeedDocument.Malformed {
        URI feedUri = URI.create(feed.url());
        FeedFetcher.Fetched fetched = fetcher.fetch(feedUri, feed.validators());
        if (fetched.notModified()) {
            return succeeded(feed, fetched.validators(), new Outcome(true, 0, 0, 0, "not changed since the last poll"));
        }
        List<URI> links = FeedDocument.links(fetched.body(), fetched.contentType(), feedUri);
        Set<String> seen = feeds.seenLinks(feed.id(), links.stream().map(URI::toString).toList());
        List<Candidate> candidates = new ArrayList<>();
        int refused = 0;
        int unreachable = 0;
        int left = 0;
        String firstProblem = null;
        for (URI link : links) {
            if (seen.contains(link.toString())) {
                continue;
            }
            if (candidates.size() + refused + unreachable >= MAX_NEW_PER_POLL) {
                left++;
                continue;
            }
            byte[] xml;
            try {
                xml = fetcher.fetch(link, FeedFetcher.Validators.NONE).body();
            } catch (FeedFetcher.FetchFailed e) {
                unreachable++;
                firstProblem = firstProblem == null ? e.getMessage() : firstProblem;
                continue;
            }
            try {
                Document document = CapImports.read(xml);
                candidates.add(new Candidate(link, xml, document, CapImports.Message.read(document).sent()));
            } catch (InvalidInputException e) {
                refused++;
                String why = link + ": " + e.invalidParams().getFirst().reason();
                firstProblem = firstProblem == null ? why : firstProblem;
                transactions.executeWithoutResult(status -> feeds.recordLink(feed.id(), link.toString(), clock.instant(), "refused", why));
            }
        }
        candidates.sort(Comparator.comparing(Candidate::sent, Comparator.nullsFirst(Comparator.naturalOrder())));
        int imported = 0;
        int duplicates = 0;
        for (Candidate candidate : candidates) {
            boolean isNew = Boolean.TRUE.equals(transactions.execute(status -> {
                boolean stored = capImports.store(feed.area(), candidate.xml(), candidate.document(),
                        new CapImports.Origin("feed:" + feed.id(), feed.id(), feed.name())).isPresent();
                feeds.recordLink(feed.id(), candidate.link().toString(), clock.instant(), stored ? "imported" : "duplicate", null);
                return stored;
            }));
            imported += isNew ? 1 : 0;
            duplicates += isNew ? 0 : 1;
        }
        String words = imported + " new, " + duplicates + " already here, " + refused + " refused"
                + (unreachable > 0 ? ", " + unreachable + " not reachable (tried again next time)" : "")
                + (left > 0 ? ", " + left + " left for the next poll" : "")
                + (firstProblem == null ? "" : "; first problem: " + firstProblem);
        // Messages still to fetch: ask for the whole feed next time, not whether it changed.
        FeedFetcher.Validators keep = unreachable > 0 || left > 0 ? FeedFetcher.Validators.NONE : fetched.validators();
        return succeeded(feed, keep, new Outcome(true, imported, duplicates, refused, words));
    }

    private Outcome succeeded(FeedSubscription feed, FeedFetcher.Validators validators, Outcome outcome) {
        Instant now = clock.instant();
        feeds.succeeded(feed.id(), now, validators, outcome.words(), now.plus(feed.pollInterval()));
        return outcome;
    }
}
