package nl.weerbaar.stock;

import java.math.BigDecimal;
import nl.weerbaar.system.LocalNumbers;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Quantities as the stock pages show them, in the page's locale and with their unit: "803.814 l", "12,5 kg". */
@Component("stockFormat")
class StockFormat {

    /** The ledger keeps 3 decimals; shown without trailing zeros, a no-break space before the unit. */
    public String quantity(BigDecimal quantity, String unit) {
        if (quantity == null) {
            return "";
        }
        String number = LocalNumbers.format(quantity, 3, LocaleContextHolder.getLocale());
        return unit == null || unit.isBlank() ? number : number + "\u00A0" + unit;
    }

    /** A signed change: "+120 l", "−390 blik". */
    public String change(BigDecimal quantity, String unit) {
        return (quantity.signum() > 0 ? "+" : quantity.signum() < 0 ? "\u2212" : "") + quantity(quantity.abs(), unit);
    }
}
