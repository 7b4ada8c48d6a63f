package nl.weerbaar.bulletins;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class FeedSubscriptionRepository {

    private final JdbcClient jdbc;

    FeedSubscriptionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(FeedSubscription feed) {
        jdbc.sql("""
                insert into feed_subscription (id, name, url, area_code, poll_interval_seconds, version, created_by, created_at, next_poll_at)
                values (:id, :name, :url, :area, :interval, :version, :by, :at, :next)""")
                .param("id", feed.id()).param("name", feed.name()).param("url", feed.url()).param("area", feed.area())
                .param("interval", (int) feed.pollInterval().toSeconds()).param("version", feed.version())
                .param("by", feed.createdBy()).param("at", Timestamp.from(feed.createdAt()))
                .param("next", Timestamp.from(feed.nextPollAt())).update();
    }

    Optional<FeedSubscription> find(UUID id) {
        return jdbc.sql("select * from feed_subscription where id = :id").param("id", id).query(this::map).optional();
    }

    boolean liveWith(String url, String area) {
        return jdbc.sql("select count(*) from feed_subscription where url = :url and area_code = :area and ended_at is null")
                .param("url", url).param("area", area).query(Long.class).single() > 0;
    }

    /** Every subscription, or those in the given areas; live ones first, failing ones at the top. */
    List<FeedSubscription> list(Optional<Set<String>> areas) {
        String where = areas.isPresent() ? "where area_code in (:areas)" : "";
        var statement = jdbc.sql("select * from feed_subscription " + where
                + " order by ended_at is not null, failures = 0, name, created_at limit 500");
        if (areas.isPresent()) {
            statement = statement.param("areas", areas.get().isEmpty() ? List.of("-") : List.copyOf(areas.get()));
        }
        return statement.query(this::map).list();
    }

    int liveCount() {
        return jdbc.sql("select count(*) from feed_subscription where ended_at is null").query(Integer.class).single();
    }

    /** Subscriptions still live whose last poll failed, by name. */
    List<FeedSubscription> failing() {
        return jdbc.sql("select * from feed_subscription where ended_at is null and failures > 0 order by name, created_at")
                .query(this::map).list();
    }

    void end(UUID id, String by, Instant at) {
        jdbc.sql("update feed_subscription set ended_by = :by, ended_at = :at, version = version + 1, lease_until = null where id = :id")
                .param("id", id).param("by", by).param("at", Timestamp.from(at)).update();
    }

    /**
     * Takes the feed due longest for this instance until {@code leaseUntil}: the row lock is skipped
     * by other instances while this statement runs, and the lease keeps them off while it polls.
     */
    Optional<FeedSubscription> claimDue(Instant now, Instant leaseUntil) {
        return jdbc.sql("""
                update feed_subscription set lease_until = :lease where id = (
                    select id from feed_subscription
                    where ended_at is null and next_poll_at <= :now and (lease_until is null or lease_until <= :now)
                    order by next_poll_at limit 1 for update skip locked)
                returning *""")
                .param("now", Timestamp.from(now)).param("lease", Timestamp.from(leaseUntil)).query(this::map).optional();
    }

    /** As {@link #claimDue}, for one feed whether due or not. */
    Optional<FeedSubscription> claim(UUID id, Instant now, Instant leaseUntil) {
        return jdbc.sql("""
                update feed_subscription set lease_until = :lease where id = (
                    select id from feed_subscription
                    where id = :id and ended_at is null and (lease_until is null or lease_until <= :now)
                    for update skip locked)
                returning *""")
                .param("id", id).param("now", Timestamp.from(now)).param("lease", Timestamp.from(leaseUntil)).query(this::map).optional();
    }

    void succeeded(UUID id, Instant at, FeedFetcher.Validators validators, String result, Instant nextPoll) {
        jdbc.sql("""
                update feed_subscription set failures = 0, last_polled_at = :at, last_success_at = :at, etag = :etag,
                       last_modified = :modified, last_result = :result, next_poll_at = :next, lease_until = null
                where id = :id""")
                .param("id", id).param("at", Timestamp.from(at)).param("etag", limit(validators.etag(), 500))
                .param("modified", limit(validators.lastModified(), 100)).param("result", limit(result, 2000))
                .param("next", Timestamp.from(nextPoll)).update();
    }

    void failed(UUID id, Instant at, String error, Instant nextPoll) {
        jdbc.sql("""
                update feed_subscription set failures = failures + 1, last_polled_at = :at, last_error_at = :at, last_error = :error,
                       next_poll_at = :next, lease_until = null
                where id = :id""")
                .param("id", id).param("at", Timestamp.from(at)).param("error", limit(error, 2000))
                .param("next", Timestamp.from(nextPoll)).update();
    }

    Set<String> seenLinks(UUID feed, Collection<String> urls) {
        if (urls.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("select url from feed_link where feed_id = :feed and url in (:urls)")
                .param("feed", feed).param("urls", List.copyOf(urls)).query(String.class).list());
    }

    void recordLink(UUID feed, String url, Instant at, String outcome, String note) {
        jdbc.sql("""
                insert into feed_link (feed_id, url, fetched_at, outcome, note) values (:feed, :url, :at, :outcome, :note)
                on conflict (feed_id, url) do nothing""")
                .param("feed", feed).param("url", url).param("at", Timestamp.from(at)).param("outcome", outcome)
                .param("note", limit(note, 2000)).update();
    }

    private static String limit(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length);
    }

    private FeedSubscription map(ResultSet rs, int row) throws SQLException {
        return new FeedSubscription(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("url"),
                rs.getString("area_code"), Duration.ofSeconds(rs.getInt("poll_interval_seconds")), rs.getLong("version"),
                rs.getString("created_by"), instant(rs, "created_at"), rs.getString("ended_by"), instant(rs, "ended_at"),
                instant(rs, "next_poll_at"), rs.getInt("failures"), instant(rs, "last_polled_at"), instant(rs, "last_success_at"),
                instant(rs, "last_error_at"), rs.getString("last_error"), rs.getString("last_result"),
                rs.getString("etag"), rs.getString("last_modified"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
