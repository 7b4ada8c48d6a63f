package nl.weerbaar.points;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import nl.weerbaar.access.AccessControl;
import nl.weerbaar.access.Actor;
import nl.weerbaar.access.AuditTrail;
import nl.weerbaar.access.Role;
import nl.weerbaar.access.UserAccount;
import nl.weerbaar.access.UserAccounts;
import nl.weerbaar.system.DomainException.Conflict;
import nl.weerbaar.system.DomainException.NotFound;
import nl.weerbaar.system.InputCheck;
import nl.weerbaar.system.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The phone numbers allowed to report a point's status by text message, each registered to a
 * user whose rights the message then acts with. A coordinator (or admin) over the user's
 * organisation registers and removes numbers; each change is audited.
 */
@Service
class TextMessageSenders {

    private static final Pattern INTERNATIONAL = Pattern.compile("^\\+[1-9][0-9]{7,14}$");

    private final JdbcClient jdbc;
    private final AccessControl access;
    private final AuditTrail audit;
    private final UserAccounts users;
    private final Clock clock;

    TextMessageSenders(JdbcClient jdbc, AccessControl access, AuditTrail audit, UserAccounts users, Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.audit = audit;
        this.users = users;
        this.clock = clock;
    }

    record Registration(String phoneNumber, String username) {}

    record Sender(String phoneNumber, String username, String organisation, String registeredBy, Instant registeredAt) {}

    /**
     * A phone number in international form: +31612345678 from "06-1234 5678", "0031 6 12345678" or
     * "+31 6 12345678"; empty when it cannot be one.
     */
    static Optional<String> international(String number) {
        if (number == null) {
            return Optional.empty();
        }
        String digits = number.strip().replaceAll("[\\s().-]", "");
        if (digits.startsWith("00")) {
            digits = "+" + digits.substring(2);
        } else if (digits.startsWith("0")) {
            digits = "+31" + digits.substring(1);
        }
        return INTERNATIONAL.matcher(digits).matches() ? Optional.of(digits) : Optional.empty();
    }

    @Transactional
    Sender register(Registration input) {
        Actor actor = access.requireRole(Role.COORDINATOR);
        if (input == null) {
            throw new InvalidInputException("body", "send phoneNumber and username as a JSON object");
        }
        Optional<String> number = international(input.phoneNumber());
        Optional<UserAccount> user = input.username() == null ? Optional.empty() : users.find(input.username().strip());
        new InputCheck()
                .require(number.isPresent(), "phoneNumber", "must be a mobile number, as +31612345678 or 06 1234 5678")
                .require(user.isPresent(), "username", "must be the name of a user")
                .orThrow();
        access.requireOver(Role.COORDINATOR, user.get().organisation());
        new InputCheck().require(user.get().role().includes(Role.OPERATOR), "username",
                "is a " + user.get().role().code() + ": only operators, coordinators and admins can report a status").orThrow();
        Instant now = clock.instant();
        int inserted = jdbc.sql("""
                        insert into points_sms_sender (phone_number, username, registered_by, registered_at)
                        values (:number, :username, :by, :at) on conflict (phone_number) do nothing""")
                .param("number", number.get()).param("username", user.get().username()).param("by", actor.username())
                .param("at", Timestamp.from(now)).update();
        if (inserted == 0) {
            throw new Conflict(number.get()
                    + " is already registered: remove it first to give it to another user", "points.refusal.numberTaken", number.get());
        }
        Sender sender = new Sender(number.get(), user.get().username(), user.get().organisation(), actor.username(), now);
        audit.record(actor, new AuditTrail.Change("sms-sender.registered", "sms-sender", number.get(),
                areaOf(user.get()), null, sender));
        return sender;
    }

    @Transactional
    void remove(String phoneNumber) {
        Actor actor = access.requireRole(Role.COORDINATOR);
        Sender sender = international(phoneNumber).flatMap(this::find)
                .orElseThrow(() -> new NotFound("no registered number " + phoneNumber));
        access.requireOver(Role.COORDINATOR, sender.organisation());
        jdbc.sql("delete from points_sms_sender where phone_number = :number").param("number", sender.phoneNumber()).update();
        audit.record(actor, new AuditTrail.Change("sms-sender.removed", "sms-sender", sender.phoneNumber(),
                areaOf(users.find(sender.username()).orElseThrow()), sender, null));
    }

    /** The numbers of users in the caller's scope. */
    @Transactional(readOnly = true)
    List<Sender> visible() {
        Actor actor = access.requireRole(Role.COORDINATOR);
        Optional<Set<String>> scope = access.areasInScope(actor);
        return all().stream().filter(s -> scope.isEmpty() || access.covers(actor.organisation(), areaOf(s.organisation())))
                .toList();
    }

    /** Who a number belongs to; for the gateway's messages. */
    Optional<Sender> find(String internationalNumber) {
        return all(internationalNumber).stream().findFirst();
    }

    private List<Sender> all() {
        return all(null);
    }

    private List<Sender> all(String number) {
        return jdbc.sql("select * from points_sms_sender where (cast(:number as text) is null or phone_number = :number) "
                        + "order by phone_number")
                .param("number", number)
                .query((rs, n) -> {
                    String username = rs.getString("username");
                    return new Sender(rs.getString("phone_number"), username,
                            users.find(username).map(UserAccount::organisation).orElse(""), rs.getString("registered_by"),
                            rs.getTimestamp("registered_at").toInstant());
                }).list();
    }

    /** The area an organisation acts in, for the audit: its own code when it is an area (NL, VR13, GM0363). */
    private String areaOf(UserAccount user) {
        return areaOf(user.organisation());
    }

    private String areaOf(String organisation) {
        if (organisation.equals("NL") || organisation.matches("VR\\d{2}|GM\\d{4}")) {
            return organisation;
        }
        return access.areasInScope(new Actor("-", organisation, Role.VIEWER)).flatMap(s -> s.stream().sorted().findFirst())
                .orElse("NL");
    }
}
