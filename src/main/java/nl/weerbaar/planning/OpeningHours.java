package nl.weerbaar.planning;

import java.time.LocalTime;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A support point's opening time read from its free opening text, as a window for deliveries:
 * "van 8.00 tot 22.00 uur" (or 8:00–22:00) is that window; "dag en nacht", "24 uur" or "24/7" is
 * the whole day. Text that says neither gives no window: the route treats the point as open all
 * day and the sheet shows the text as written, for the driver to read.
 */
final class OpeningHours {

    private static final Pattern RANGE = Pattern.compile("(\\d{1,2})[.:](\\d{2})\\s*(?:uur\\s*)?(?:tot|-|–|to)\\s*(\\d{1,2})[.:](\\d{2})");
    private static final Pattern ALL_DAY = Pattern.compile("dag en nacht|24\\s*uur|24/7|day and night|24 hours", Pattern.CASE_INSENSITIVE);

    record Window(LocalTime opens, LocalTime closes) {
        static final Window ALL_DAY = new Window(LocalTime.MIN, LocalTime.MAX);
    }

    private OpeningHours() {}

    static Optional<Window> read(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher range = RANGE.matcher(text);
        if (range.find()) {
            Optional<LocalTime> opens = time(range.group(1), range.group(2));
            Optional<LocalTime> closes = time(range.group(3), range.group(4));
            if (opens.isPresent() && closes.isPresent() && closes.get().isAfter(opens.get())) {
                return Optional.of(new Window(opens.get(), closes.get()));
            }
            if (opens.isPresent() && range.group(3).equals("24")) {
                return Optional.of(new Window(opens.get(), LocalTime.MAX));
            }
        }
        return ALL_DAY.matcher(text).find() ? Optional.of(Window.ALL_DAY) : Optional.empty();
    }

    private static Optional<LocalTime> time(String hours, String minutes) {
        int h = Integer.parseInt(hours);
        int m = Integer.parseInt(minutes);
        return h < 24 && m < 60 ? Optional.of(LocalTime.of(h, m)) : Optional.empty();
    }
}
