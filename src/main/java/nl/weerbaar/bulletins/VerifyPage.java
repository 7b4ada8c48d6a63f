package nl.weerbaar.bulletins;

import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code /controleren}: a resident pastes or uploads a bulletin, or opens the link on a poster, and
 * reads in plain words whether it is genuine. Works without JavaScript.
 */
@Controller
class VerifyPage {

    private final Bulletins bulletins;
    private final CapImports imports;
    private final VerdictWords words;

    VerifyPage(Bulletins bulletins, CapImports imports, VerdictWords words) {
        this.words = words;
        this.bulletins = bulletins;
        this.imports = imports;
    }

    /**
     * The form; with {@code id}, the check of a published bulletin as this server holds it, or of a
     * message another authority sent (a feed or an import), checked again now for the area it came in for.
     */
    @GetMapping("/controleren")
    String form(@RequestParam(required = false) String id, @RequestParam(required = false) String b, Model model, Locale locale) {
        if (b != null && !b.isBlank()) {
            show(Verification.of(bulletins.verifyPosterCode(b)), model, locale);
            model.addAttribute("fromPoster", true);
        }
        Optional<String> own = parseId(id).flatMap(bulletins::capXml);
        own.ifPresent(xml -> {
            show(bulletins.check(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8)), model, locale);
            model.addAttribute("cap", xml);
        });
        if (own.isEmpty()) {
            parseId(id).flatMap(imports::received).ifPresent(received -> {
                show(bulletins.check(received.xml(), received.area()), model, locale);
                model.addAttribute("cap", received.text());
            });
        }
        return "bulletins/verify";
    }

    @PostMapping("/controleren")
    String check(@RequestParam(required = false) String cap, @RequestParam(required = false) MultipartFile file,
                 Model model, Locale locale) throws IOException {
        model.addAttribute("cap", cap);
        if (file != null && !file.isEmpty()) {
            show(bulletins.check(file.getBytes()), model, locale);
            return "bulletins/verify";
        }
        String pasted = cap == null ? "" : cap.strip().replace("\uFEFF", "");
        if (pasted.isEmpty()) {
            model.addAttribute("missing", true);
        } else if (pasted.startsWith("<")) {
            show(bulletins.check(BulletinVerifier.fromPastedText(cap)), model, locale);
        } else if (POSTER_LINK.matcher(pasted).find() || POSTER_CODE.matcher(pasted).matches()) {
            // The link under a poster's QR code, pasted or typed: checked as the scan would be.
            show(Verification.of(bulletins.verifyPosterCode(pasted)), model, locale);
            model.addAttribute("fromPoster", true);
        } else {
            // Words copied from a message, a chat or a website carry no signature: nothing to check, nothing altered.
            show(Verification.of(new Verdict.NotSigned(new Verdict.About(null, null, null, null, null, null))), model, locale);
            model.addAttribute("plainText", true);
        }
        return "bulletins/verify";
    }

    /** A link with a poster code, e.g. https://weerbaar.nl/controleren?b=… (or /verify?b=… on a poster printed before 2026-12); or the code alone: two base64url parts. */
    private static final java.util.regex.Pattern POSTER_LINK = java.util.regex.Pattern.compile("[?&]b=[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
    private static final java.util.regex.Pattern POSTER_CODE = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{20,}\\.[A-Za-z0-9_-]{20,}");

    private void show(Verification verification, Model model, Locale locale) {
        Verdict verdict = verification.verdict();
        model.addAttribute("verdict", verdict);
        model.addAttribute("explanation", words.explain(verdict, locale));
        model.addAttribute("capVersion", verification.capVersion());
        model.addAttribute("about", VerdictView.about(verdict));
        // With one signature the explanation says it all; several are listed, each with what it shows.
        model.addAttribute("signatures", verification.signatures().size() > 1 ? verification.signatures().stream()
                .map(line -> new Signature(line, words.explain(line.verdict(), locale))).toList() : java.util.List.of());
        model.addAttribute("alertClass", alertClass(verdict));
    }

    /** One of several signatures, with what it shows in words. */
    record Signature(Verification.SignatureLine line, String explanation) {}

    /** Red only where someone is shown to be deceiving: a broken signature, a revoked key, an attack. */
    private static String alertClass(Verdict verdict) {
        return switch (verdict) {
            case Verdict.Genuine g -> "utrecht-alert--info";
            case Verdict.Altered a -> "utrecht-alert--error";
            case Verdict.Revoked r -> "utrecht-alert--error";
            case Verdict.UnsafeXml u -> "utrecht-alert--error";
            default -> "utrecht-alert--warning";
        };
    }

    private static Optional<UUID> parseId(String id) {
        try {
            return id == null ? Optional.empty() : Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
