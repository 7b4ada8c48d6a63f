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

    VerifyPage(Bulletins bulletins) {
        this.bulletins = bulletins;
    }

    /** The form; with {@code id}, the check of a published bulletin as this server holds it. */
    @GetMapping("/verify")
    String form(@RequestParam(required = false) String id, @RequestParam(required = false) String b, Model model, Locale locale) {
        if (b != null && !b.isBlank()) {
            show(bulletins.verifyPosterCode(b), model, locale);
            model.addAttribute("fromPoster", true);
        }
        parseId(id).flatMap(bulletins::capXml).ifPresent(xml -> {
            show(bulletins.verify(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8)), model, locale);
            model.addAttribute("cap", xml);
        });
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
            show(bulletins.verify(xml), model, locale);
        }
        model.addAttribute("cap", cap);
        return "bulletins/verify";
    }

    private static void show(Verdict verdict, Model model, Locale locale) {
        model.addAttribute("verdict", verdict);
        model.addAttribute("explanation", verdict.explain(locale));
        model.addAttribute("alertClass", switch (verdict) {
            case Verdict.Genuine g -> "utrecht-alert--info";
            case Verdict.Expired e -> "utrecht-alert--warning";
            default -> "utrecht-alert--error";
        });
    }

    private static Optional<UUID> parseId(String id) {
        try {
            return id == null ? Optional.empty() : Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
