package nl.weerbaar.funding;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.springframework.stereotype.Component;

/** Amounts as the funding pages show them, for the templates: {@code ${@fundingFormat.euros(line.amountCents)}}. */
@Component("fundingFormat")
public class FundingFormat {

    /** "EUR 1,234,567.89"; an empty text for no amount. */
    public String euros(Long cents) {
        return cents == null ? "" : Cents.display(cents);
    }

    /** "0.843 %"; an empty text for no percentage. */
    public String percent(BigDecimal percent) {
        return percent == null ? "" : percent.setScale(3, RoundingMode.HALF_UP).toPlainString() + " %";
    }

    /** Cents per unit as euros with 2 decimals, e.g. the euros per resident of a formula. */
    public String rate(BigDecimal cents) {
        return "EUR " + cents.movePointLeft(2).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
