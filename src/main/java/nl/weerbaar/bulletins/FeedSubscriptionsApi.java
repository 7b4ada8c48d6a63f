package nl.weerbaar.bulletins;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.weerbaar.system.Versioned;
import nl.weerbaar.system.AnswersProblem;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "feed-subscriptions", description = "Feeds of other authorities' CAP messages, polled and shown on the area's pages")
class FeedSubscriptionsApi {

    private final FeedSubscriptions subscriptions;

    FeedSubscriptionsApi(FeedSubscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    /** A subscription as JSON, with how its polling goes. */
    record FeedView(UUID id, String name, String url, String area, long pollIntervalMinutes, String status, Instant createdAt,
                    String createdBy, Instant endedAt, Instant nextPollAt, int failuresInARow, Instant lastPolledAt,
                    Instant lastSuccessAt, Instant lastErrorAt, String lastError, String lastResult, long version) {

        static FeedView of(FeedSubscription feed) {
            return new FeedView(feed.id(), feed.name(), feed.url(), feed.area(), feed.pollInterval().toMinutes(), feed.status(),
                    feed.createdAt(), feed.createdBy(), feed.endedAt(), feed.endedAt() == null ? feed.nextPollAt() : null,
                    feed.failures(), feed.lastPolledAt(), feed.lastSuccessAt(), feed.lastErrorAt(), feed.lastError(),
                    feed.lastResult(), feed.version());
        }
    }

    @GetMapping("/api/v1/feed-subscriptions")
    @Operation(operationId = "listFeedSubscriptions", summary = "The feed subscriptions in the caller's areas, failing ones first (staff)")
    Map<String, List<FeedView>> list() {
        return Map.of("items", subscriptions.list().stream().map(FeedView::of).toList());
    }

    @ResponseStatus(HttpStatus.CREATED)
    @AnswersProblem(status = 409, when = "This feed is subscribed to already for the area")
    @PostMapping("/api/v1/feed-subscriptions")
    @Operation(operationId = "subscribeToFeed",
            summary = "Subscribe to another authority's feed (Atom, RSS or text/uri-list of CAP messages) for an area (coordinator of the area)")
    ResponseEntity<FeedView> subscribe(@RequestBody FeedSubscriptions.NewSubscription subscription) {
        FeedSubscription feed = subscriptions.subscribe(subscription);
        return ResponseEntity.created(URI.create("/api/v1/feed-subscriptions/" + feed.id()))
                .eTag(Versioned.etag(feed.version())).body(FeedView.of(feed));
    }

    @GetMapping("/api/v1/feed-subscriptions/{id}")
    @Operation(operationId = "getFeedSubscription", summary = "One feed subscription: status, last success, last error (staff in scope)")
    ResponseEntity<FeedView> get(@PathVariable UUID id) {
        FeedSubscription feed = subscriptions.get(id);
        return ResponseEntity.ok().eTag(Versioned.etag(feed.version())).body(FeedView.of(feed));
    }

    @AnswersProblem(status = 409, when = "The subscription ended already")
    @DeleteMapping("/api/v1/feed-subscriptions/{id}")
    @Operation(operationId = "endFeedSubscription",
            summary = "End a subscription (If-Match): no more polling, its messages leave the area's pages (coordinator of the area)")
    ResponseEntity<FeedView> end(@PathVariable UUID id, @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        FeedSubscription ended = subscriptions.end(id, ifMatch);
        return ResponseEntity.ok().eTag(Versioned.etag(ended.version())).body(FeedView.of(ended));
    }

    @GetMapping("/api/v1/feed-subscriptions/{id}/messages")
    @Operation(operationId = "listFeedMessages",
            summary = "The CAP messages a feed brought, newest first, each with its verdict and whether it is in force (staff in scope)")
    Map<String, List<CapImports.Imported>> messages(@PathVariable UUID id) {
        return Map.of("items", subscriptions.messages(id));
    }
}
