package nl.weerbaar.points;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.weerbaar.access.SignedIn;
import nl.weerbaar.access.UserAccounts;
import nl.weerbaar.system.DomainException.Conflict;
import nl.weerbaar.system.DomainException.NotFound;
import nl.weerbaar.system.InvalidInputException;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A point's status by text message: {@code STATUS <point> OPEN|FULL|CLOSED [occupancy] [message]}
 * (Dutch: OPEN, VOL, DICHT) from a registered number, acting with the rights of the user the number
 * belongs to. Each message is kept under the gateway's id with the reply it got: the gateway sending
 * it again gets the same reply, and the point changes once.
 */
@Service
class TextMessageStatus {

    private static final Pattern COMMAND = Pattern.compile(
            "^\\s*STATUS\\s+(?<point>\\d{1,18})\\s+(?<status>\\p{L}+)(?:\\s+(?<occupancy>\\d{1,6})(?=\\s|$))?(?:\\s+(?<message>.+))?$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Map<String, PointStatus> WORDS = Map.of("OPEN", PointStatus.OPEN, "FULL", PointStatus.FULL,
            "VOL", PointStatus.FULL, "CLOSED", PointStatus.CLOSED, "DICHT", PointStatus.CLOSED, "GESLOTEN", PointStatus.CLOSED);
    private static final Locale DUTCH = Locale.of("nl");

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final TextMessageSenders senders;
    private final UserAccounts users;
    private final SupportPoints points;
    private final MessageSource messages;
    private final Clock clock;

    TextMessageStatus(JdbcClient jdbc, TransactionTemplate transactions, TextMessageSenders senders, UserAccounts users,
                      SupportPoints points, MessageSource messages, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.senders = senders;
        this.users = users;
        this.points = points;
        this.messages = messages;
        this.clock = clock;
    }

    /** A message as the gateway delivered it; {@code sentAt} null when the gateway did not say. */
    record Inbound(String id, String from, String to, String text, Instant sentAt) {}

    /** What the sender is told, and whether the point changed. */
    record Reply(String text, boolean accepted) {}

    /** What a message asks, once read. */
    private record Command(long point, PointStatus status, Integer occupancy, String message) {}

    /**
     * Handles a message once: the status change and the keeping of the message and its reply in one
     * transaction, so a message either changed the point and is known, or neither. A refused
     * message is kept with why, in a transaction of its own.
     */
    Reply receive(Inbound inbound) {
        Optional<Reply> earlier = stored(inbound.id());
        if (earlier.isPresent()) {
            return earlier.get();
        }
        Optional<TextMessageSenders.Sender> sender = TextMessageSenders.international(inbound.from()).flatMap(senders::find);
        if (sender.isEmpty()) {
            return keep(inbound, null, new Reply(say("points.sms.reply.unknownNumber"), false));
        }
        Optional<Command> command = read(inbound.text());
        if (command.isEmpty()) {
            return keep(inbound, null, new Reply(say("points.sms.reply.unreadable"), false));
        }
        Command c = command.get();
        try {
            return transactions.execute(tx -> asUser(sender.get().username(), () -> {
                if (!insert(inbound, c.point(), true, "")) {
                    return stored(inbound.id()).orElseThrow();
                }
                SupportPoint after = points.reportByText(c.point(), c.status(), c.occupancy(), c.message(), inbound.sentAt());
                Reply reply = new Reply(say("points.sms.reply.accepted", after.name(), String.valueOf(after.id()),
                        say("points.status." + after.status().code()), String.valueOf(after.occupancy())), true);
                jdbc.sql("update points_sms_inbound set reply = :reply where message_id = :id")
                        .param("reply", reply.text()).param("id", inbound.id()).update();
                return reply;
            }));
        } catch (AccessDeniedException | AuthenticationException e) {
            return keep(inbound, null, new Reply(say("points.sms.reply.outsideScope", String.valueOf(c.point())), false));
        } catch (InvalidInputException e) {
            return keep(inbound, null, new Reply(say("points.sms.reply.refused", e.invalidParams().getFirst().reason()), false));
        } catch (NotFound | Conflict e) {
            // No such point, or retired: either way there is no point by that number to report on.
            return keep(inbound, null, new Reply(say("points.sms.reply.noPoint", String.valueOf(c.point())), false));
        }
    }

    private static Optional<Command> read(String text) {
        Matcher m = COMMAND.matcher(text == null ? "" : text);
        if (!m.matches()) {
            return Optional.empty();
        }
        PointStatus status = WORDS.get(m.group("status").toUpperCase(Locale.ROOT));
        if (status == null) {
            return Optional.empty();
        }
        String message = m.group("message") == null ? null : m.group("message").strip();
        return Optional.of(new Command(Long.parseLong(m.group("point")), status,
                m.group("occupancy") == null ? null : Integer.valueOf(m.group("occupancy")),
                message == null || message.isEmpty() ? null : message.substring(0, Math.min(280, message.length()))));
    }

    /** Keeps a refused message with its reply; a message kept meanwhile (a concurrent repeat) keeps its own. */
    private Reply keep(Inbound inbound, Long point, Reply reply) {
        return transactions.execute(tx -> insert(inbound, point, false, reply.text()) ? reply : stored(inbound.id()).orElseThrow());
    }

    /** False when a message with this id is already known: a concurrent repeat waits here for the first to commit. */
    private boolean insert(Inbound inbound, Long point, boolean accepted, String reply) {
        return jdbc.sql("""
                        insert into points_sms_inbound (message_id, sender, text, sent_at, received_at, point_id, accepted, reply)
                        values (:id, :sender, :text, :sentAt, :receivedAt, :point, :accepted, :reply)
                        on conflict (message_id) do nothing""")
                .param("id", inbound.id())
                .param("sender", inbound.from())
                .param("text", inbound.text())
                .param("sentAt", inbound.sentAt() == null ? null : Timestamp.from(inbound.sentAt()))
                .param("receivedAt", Timestamp.from(clock.instant()))
                .param("point", point)
                .param("accepted", accepted)
                .param("reply", reply)
                .update() == 1;
    }

    private Optional<Reply> stored(String id) {
        return jdbc.sql("select reply, accepted from points_sms_inbound where message_id = :id").param("id", id)
                .query((rs, n) -> new Reply(rs.getString("reply"), rs.getBoolean("accepted"))).optional();
    }

    /** Runs work signed in as the number's user, as a request of that user would run; a disabled user may not. */
    private <T> T asUser(String username, Supplier<T> work) {
        UserDetails user = users.loadUserByUsername(username);
        if (!user.isEnabled()) {
            throw new AccessDeniedException(username + " is disabled");
        }
        return SignedIn.as(user, work);
    }

    private String say(String key, Object... args) {
        return messages.getMessage(key, args, DUTCH);
    }
}
