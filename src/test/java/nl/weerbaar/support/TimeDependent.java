package nl.weerbaar.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test class whose outcome could depend on the day it runs: validity, expiry, freshness,
 * lock-out, "today". CI runs these classes again with the application clock shifted
 * ({@code WEERBAAR_CLOCK_SHIFT_TO}, see .ci/run): select them with {@code -Dgroups=time-dependent}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("time-dependent")
public @interface TimeDependent {}
