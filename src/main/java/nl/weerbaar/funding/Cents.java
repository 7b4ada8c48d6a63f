package nl.weerbaar.funding;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;

/** Euro amounts as people write them, to and from whole cents. */
final class Cents {

    private Cents() {}

    /** "1250", "1250.5", "1250,50" or "1.250,50" → cents; empty when it is not an amount with at most 2 decimals. */
    static Optional<Long> parseEuros(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String plain = text.strip().replace(" ", "");
        // Dutch "1.250,50": dots group thousands, the comma marks the decimals.
        if (plain.contains(",")) {
            plain = plain.replace(".", "").replace(',', '.');
        }
        if (!plain.matches("[0-9]+(\\.[0-9]{1,2})?")) {
            return Optional.empty();
        }
        try {
            return Optional.of(new BigDecimal(plain).movePointRight(2).longValueExact());
        } catch (ArithmeticException tooLarge) {
            return Optional.empty();
        }
    }

    static BigDecimal toEuros(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }

    /** "EUR 1,234,567.80" for pages and PDF. */
    static String display(long cents) {
        return String.format(Locale.ROOT, "EUR %,.2f", toEuros(cents));
    }
}
