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
 * {@code /verify}: a resident pastes or uploads a bulletin, or opens the link on a poster, and
 * reads in plain words whether it is genuine. Works without JavaScript.
 */
@Controller
class VerifyPage {

    private final Bulletins bulletins;
    private final CapImports imports;

    VerifyPage(Bulletins bulletins, CapImports imports) {
        this.bulletins = bulletins;
        this.imports = imports;
    }

    /**
     * The form; with {@code id}, the check of a published bulletin as this server holds it, or of a
     * message another authority sent (a feed or an import), checked again now for the area it came in for.
     */
    @GetMapping("/verify")
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

    @PostMapping("/verify")
    String check(@RequestParam(required = false) String cap, @RequestParam(required = false) MultipartFile file,
                 Model model, Locale locale) throws IOException {
        byte[] xml = file != null && !file.isEmpty() ? file.getBytes()
                : cap == null || cap.isBlank() ? null : BulletinVerifier.fromPastedText(cap);
        if (xml == null) {
            model.addAttribute("missing", true);
        } else {
            show(bulletins.check(xml), model, locale);
        }
        model.addAttribute("cap", cap);
        return "bulletins/verify";
    }

    private static void show(Verification verification, Model model, Locale locale) {
        Verdict verdict = verification.verdict();
        model.addAttribute("verdict", verdict);
        model.addAttribute("explanation", verdict.explain(locale));
        model.addAttribute("capVersion", verification.capVersion());
        model.addAttribute("about", VerdictView.about(verdict));
        // With one signature the explanation says it all; several are listed, each with what it shows.
        model.addAttribute("signatures", verification.signatures().size() > 1 ? verification.signatures() : java.util.List.of());
        model.addAttribute("alertClass", alertClass(verdict));
    }

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
