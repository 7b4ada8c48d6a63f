package nl.weerbaar.system;

import java.time.Instant;
import java.util.List;

/**
 * Where the system page and the metric {@code weerbaar.feeds.failing} learn which subscribed
 * feeds (CAP feeds of other authorities) fail. The feed module provides the implementation;
 * while none exists, the page says no feeds are subscribed and the metric is not registered.
 */
public interface FeedHealth {

    record FailingFeed(String name, String url, Instant failingSince, String problem) {}

    int subscribed();

    List<FailingFeed> failing();
}
