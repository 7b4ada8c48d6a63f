package nl.weerbaar.points;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import nl.weerbaar.system.InputCheck;
import nl.weerbaar.system.InvalidInputException;
import nl.weerbaar.system.AnswersProblem;
import nl.weerbaar.system.Items;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Status by text message. An SMS gateway posts each message it receives as a form
 * ({@code from}, {@code to}, {@code text}, {@code id}, {@code time}) and sends the sender the
 * plain-text answer. The gateway proves itself with the shared secret of
 * {@code WEERBAAR_SMS_SECRET}: either an {@code X-Weerbaar-Signature: sha256=<hex>} header,
 * the HMAC-SHA256 of the request body as sent under that secret, or, for gateways that can only add
 * a fixed header, the secret itself in {@code X-Weerbaar-Secret}. Without a configured secret every
 * message is refused.
 */
@RestController
@RequestMapping("/api/v1/sms")
@Tag(name = "Text messages", description = "Status of support points by SMS: the gateway's webhook and the registered numbers")
class TextMessageApi {

    static final String SIGNATURE = "X-Weerbaar-Signature";
    static final String SECRET = "X-Weerbaar-Secret";
    private static final MediaType TEXT = new MediaType("text", "plain", StandardCharsets.UTF_8);

    private final TextMessageStatus status;
    private final TextMessageSenders senders;
    private final byte[] secret;

    TextMessageApi(TextMessageStatus status, TextMessageSenders senders, @Value("${weerbaar.sms.secret:}") String secret) {
        this.status = status;
        this.senders = senders;
        this.secret = secret.strip().getBytes(StandardCharsets.UTF_8);
    }

    /** The form a gateway posts, for the API description. */
    record InboundForm(@Schema(example = "+31612345678") String from, @Schema(example = "+3197010000000") String to,
                       @Schema(example = "STATUS 1234 VOL 120 Geen plek meer") String text,
                       @Schema(example = "gw-5f1c2a") String id, @Schema(example = "2026-12-01T10:00:00Z") String time) {}

    @PostMapping(value = "/inbound", produces = "text/plain")
    @Operation(operationId = "receiveTextMessage", summary = "The SMS gateway's webhook: STATUS <point> OPEN|FULL|CLOSED "
            + "(OPEN|VOL|DICHT) [occupancy] [message] from a registered number; answers the reply for the sender as "
            + "text/plain. Authenticated with X-Weerbaar-Signature: sha256=<HMAC-SHA256 of the body> or X-Weerbaar-Secret",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = MediaType.APPLICATION_FORM_URLENCODED_VALUE, schema = @Schema(implementation = InboundForm.class))))
    ResponseEntity<String> inbound(HttpServletRequest request) throws IOException {
        // The body is read here, as sent, before anything parses it: the signature is over these bytes.
        byte[] body = request.getInputStream().readAllBytes();
        if (!authentic(body, request.getHeader(SIGNATURE), request.getHeader(SECRET))) {
            throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, secret.length == 0
                    ? "text messages are not configured here: set WEERBAAR_SMS_SECRET and give the gateway the same secret"
                    : "send " + SIGNATURE + ": sha256=<hex HMAC-SHA256 of the body with the shared secret>, or " + SECRET);
        }
        Map<String, String> form = form(body);
        InputCheck check = new InputCheck();
        check.require(form.get("id"), id -> !id.isBlank() && id.length() <= 200, "id", "must be the gateway's message id, 1 to 200 characters");
        check.require(form.get("from"), from -> from.length() <= 40, "from", "must be the sender's number");
        check.require(form.get("text"), text -> text.length() <= 1600, "text", "must be the message, at most 1600 characters");
        check.require(form.get("to") == null || form.get("to").length() <= 40, "to", "must be the gateway's number");
        form.forEach((name, value) -> check.require(InputCheck.unacceptableCharacter(value) == null, name,
                String.valueOf(InputCheck.unacceptableCharacter(value))));
        Instant sentAt = null;
        if (form.get("time") != null && !form.get("time").isBlank()) {
            try {
                sentAt = OffsetDateTime.parse(form.get("time").strip()).toInstant();
            } catch (DateTimeParseException e) {
                check.require(false, "time", "must be ISO-8601 with an offset, as 2026-12-01T10:00:00Z");
            }
        }
        check.orThrow();
        TextMessageStatus.Reply reply = status.receive(new TextMessageStatus.Inbound(form.get("id").strip(), form.get("from").strip(),
                form.get("to"), form.get("text"), sentAt));
        return ResponseEntity.ok().contentType(TEXT).body(reply.text());
    }

    @GetMapping("/senders")
    @Operation(operationId = "listTextMessageSenders", summary = "Phone numbers registered to report status by text message "
            + "(coordinator: those of users in scope)")
    Items<TextMessageSenders.Sender> senders() {
        return new Items<>(senders.visible());
    }

    @ResponseStatus(HttpStatus.CREATED)
    @AnswersProblem(status = 409, when = "The number is registered already (to this or another user): remove it first")
    @PostMapping("/senders")
    @Operation(operationId = "registerTextMessageSender", summary = "Register a phone number to a user (operator or higher) for "
            + "status by text message (coordinator over the user's organisation)")
    ResponseEntity<TextMessageSenders.Sender> register(@RequestBody TextMessageSenders.Registration registration) {
        TextMessageSenders.Sender sender = senders.register(registration);
        return ResponseEntity.created(URI.create("/api/v1/sms/senders/" + sender.phoneNumber())).body(sender);
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @DeleteMapping("/senders/{phoneNumber}")
    @Operation(operationId = "removeTextMessageSender", summary = "Remove a registered phone number (coordinator over the user's "
            + "organisation)")
    ResponseEntity<Void> remove(@PathVariable String phoneNumber) {
        senders.remove(phoneNumber);
        return ResponseEntity.noContent().build();
    }

    /** Whether the request comes from the gateway: a matching signature over the body, or the secret itself. */
    private boolean authentic(byte[] body, String signature, String givenSecret) {
        if (secret.length == 0) {
            return false;
        }
        if (givenSecret != null && MessageDigest.isEqual(secret, givenSecret.strip().getBytes(StandardCharsets.UTF_8))) {
            return true;
        }
        if (signature == null || !signature.strip().toLowerCase(java.util.Locale.ROOT).startsWith("sha256=")) {
            return false;
        }
        String hex = signature.strip().substring("sha256=".length()).toLowerCase(java.util.Locale.ROOT);
        return MessageDigest.isEqual(HexFormat.of().formatHex(hmac(body)).getBytes(StandardCharsets.US_ASCII),
                hex.getBytes(StandardCharsets.US_ASCII));
    }

    private byte[] hmac(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }

    /** An application/x-www-form-urlencoded body; a field given twice keeps its first value. */
    private static Map<String, String> form(byte[] body) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                fields.putIfAbsent(name, value);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("body", "is not a form (application/x-www-form-urlencoded): " + e.getMessage());
            }
        }
        return fields;
    }
}
