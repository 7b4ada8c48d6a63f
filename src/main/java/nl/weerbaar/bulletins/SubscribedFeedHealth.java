package nl.weerbaar.bulletins;

import java.util.List;
import nl.weerbaar.system.FeedHealth;
import org.springframework.stereotype.Component;

/**
 * Tells the system page and the metric {@code weerbaar.feeds.failing} which subscribed feeds fail:
 * those still subscribed whose last poll failed, failing since their last success (or since they
 * were subscribed, when none came yet).
 */
@Component
class SubscribedFeedHealth implements FeedHealth {

    private final FeedSubscriptionRepository feeds;

    SubscribedFeedHealth(FeedSubscriptionRepository feeds) {
        this.feeds = feeds;
    }

    @Override
    public int subscribed() {
        return feeds.liveCount();
    }

    @Override
    public List<FailingFeed> failing() {
        return feeds.failing().stream()
                .map(feed -> new FailingFeed(feed.name(), feed.url(),
                        feed.lastSuccessAt() != null ? feed.lastSuccessAt() : feed.createdAt(), feed.lastError()))
                .toList();
    }
}
