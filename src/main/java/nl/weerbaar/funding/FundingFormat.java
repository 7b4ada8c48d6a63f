package nl.weerbaar.funding;

import java.math.BigDecimal;
import java.math.RoundingMode;
import nl.weerbaar.system.LocalNumbers;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Amounts as the funding pages show them, in the page's locale, for the templates:
 * {@code ${@fundingFormat.euros(line.amountCents)}} gives "€ 70.000.000,00" on a Dutch page, and
 * the same text is read back by the forms.
 */
@Component("fundingFormat")
class FundingFormat {

    /** A no-break space keeps "€" and "%" beside their numbers in narrow table columns. */
    private static final String NO_BREAK = "\u00A0";

    /** "€ 1.234.567,89" (Dutch) or "€1,234,567.89" (English); an empty text for no amount. */
    public String euros(Long cents) {
        return cents == null ? "" : LocalNumbers.euros(cents, LocaleContextHolder.getLocale());
    }

    /** "0,843 %"; an empty text for no percentage. */
    public String percent(BigDecimal percent) {
        return percent == null ? "" : LocalNumbers.format(percent.setScale(3, RoundingMode.HALF_UP), 3,
                LocaleContextHolder.getLocale()) + NO_BREAK + "%";
    }

    /** A number in the page's locale, e.g. "1.234.567" or "2,5"; at most 3 decimals. */
    public String number(Number number) {
        return number == null ? "" : LocalNumbers.format(new BigDecimal(number.toString()), 3, LocaleContextHolder.getLocale());
    }

    /** Cents per unit as euros with 2 decimals, e.g. the euros per resident of a formula. */
    public String rate(BigDecimal cents) {
        return euros(cents.setScale(0, RoundingMode.HALF_UP).longValueExact());
    }
}
