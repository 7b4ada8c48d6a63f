package nl.weerbaar.points;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Keeps the finder of this instance in step with the database, whichever instance (or SQL
 * session) changed a point: the V10 trigger sends the id of every changed point on the channel
 * {@value #CHANNEL} at commit, and this thread LISTENs on a connection of its own. When the
 * connection breaks, notifications may have been missed, so it reconnects and reloads all.
 */
@Component
@ConditionalOnWebApplication
class PointChangeListener implements SmartLifecycle {

    static final String CHANNEL = "support_point_changed";
    private static final Logger log = LoggerFactory.getLogger(PointChangeListener.class);
    /** How long one wait for notifications lasts; also how quickly the thread notices a stop. */
    private static final int WAIT_MILLIS = 250;

    private final DataSource dataSource;
    private final PointFinder finder;
    private volatile boolean running;
    private Thread thread;

    PointChangeListener(DataSource dataSource, PointFinder finder) {
        this.dataSource = dataSource;
        this.finder = finder;
    }

    @Override
    public synchronized void start() {
        running = true;
        thread = Thread.ofPlatform().daemon().name("support-point-changes").start(this::listen);
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (thread != null) {
            try {
                thread.join(WAIT_MILLIS * 4L);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                // Listening first, then reading: a change committed in between is read or notified.
                finder.reloadAll();
                PGConnection postgres = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = postgres.getNotifications(WAIT_MILLIS);
                    if (notifications != null && notifications.length > 0) {
                        Set<Long> ids = new HashSet<>();
                        for (PGNotification notification : notifications) {
                            ids.add(Long.parseLong(notification.getParameter()));
                        }
                        finder.refresh(ids);
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    log.warn("Support-point change feed interrupted ({}); reconnecting in 1 s", e.getMessage());
                    pause();
                }
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
