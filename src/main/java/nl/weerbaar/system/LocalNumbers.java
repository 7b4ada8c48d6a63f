package nl.weerbaar.system;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Numbers and money as a page's reader writes and reads them, both ways: on a Dutch page
 * "70.000.000", "€ 70.000.000" and "1.250,50" are read and shown, on an English page
 * "70,000,000" and "1,250.50". A plain "1250.5" or "1250,5" (no grouping) is read in either.
 */
public final class LocalNumbers {

    private static final Pattern GROUPED_DOTS = Pattern.compile("[0-9]{1,3}(\\.[0-9]{3})+(,[0-9]+)?");
    private static final Pattern GROUPED_COMMAS = Pattern.compile("[0-9]{1,3}(,[0-9]{3})+(\\.[0-9]+)?");
    private static final Pattern PLAIN = Pattern.compile("[0-9]+([.,][0-9]+)?");

    private LocalNumbers() {}

    /** A number as typed on a page of {@code locale}; empty when it is none. Currency signs and spaces are ignored. */
    public static Optional<BigDecimal> parse(String text, Locale locale) {
        if (text == null) {
            return Optional.empty();
        }
        String plain = text.strip().replaceFirst("^(€|EUR)", "").replaceAll("[\\s\u00A0\u202F]", "");
        boolean negative = plain.startsWith("-");
        if (negative) {
            plain = plain.substring(1);
        }
        String normal;
        if (GROUPED_DOTS.matcher(plain).matches() && !isEnglish(locale)) {
            normal = plain.replace(".", "").replace(',', '.');
        } else if (GROUPED_COMMAS.matcher(plain).matches() && isEnglish(locale)) {
            normal = plain.replace(",", "");
        } else if (PLAIN.matcher(plain).matches()) {
            normal = plain.replace(',', '.');
        } else {
            return Optional.empty();
        }
        BigDecimal value = new BigDecimal(normal);
        return Optional.of(negative ? value.negate() : value);
    }

    /** "803.814" or "1.250,5" on a Dutch page; at most {@code maxDecimals} decimals, no trailing zeros. */
    public static String format(BigDecimal number, int maxDecimals, Locale locale) {
        DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(locale(locale)));
        format.setMaximumFractionDigits(maxDecimals);
        return format.format(number);
    }

    /** "€ 70.000.000,00" on a Dutch page, "€70,000,000.00" on an English one. */
    public static String euros(long cents, Locale locale) {
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(locale(locale)));
        return (isEnglish(locale) ? "€" : "€\u00A0") + format.format(BigDecimal.valueOf(cents, 2));
    }

    private static boolean isEnglish(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }

    private static Locale locale(Locale locale) {
        return isEnglish(locale) ? Locale.ENGLISH : Locale.of("nl", "NL");
    }
}
