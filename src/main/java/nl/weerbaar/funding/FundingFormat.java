package nl.weerbaar.funding;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.springframework.stereotype.Component;

/** Amounts as the funding pages show them, for the templates: {@code ${@fundingFormat.euros(line.amountCents)}}. */
@Component("fundingFormat")
public class FundingFormat {

    /** A no-break space keeps "EUR" and "%" beside their numbers in narrow table columns. */
    private static final String NO_BREAK = "\u00A0";

    /** "EUR 1,234,567.89"; an empty text for no amount. */
    public String euros(Long cents) {
        return cents == null ? "" : Cents.display(cents).replace(" ", NO_BREAK);
    }

    /** "0.843 %"; an empty text for no percentage. */
    public String percent(BigDecimal percent) {
        return percent == null ? "" : percent.setScale(3, RoundingMode.HALF_UP).toPlainString() + NO_BREAK + "%";
    }

    /** Cents per unit as euros with 2 decimals, e.g. the euros per resident of a formula. */
    public String rate(BigDecimal cents) {
        return "EUR" + NO_BREAK + cents.movePointLeft(2).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
