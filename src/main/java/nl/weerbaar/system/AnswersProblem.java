package nl.weerbaar.system;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A refusal an API operation can answer that only its domain knows of, e.g. 409 for a bulletin
 * published already (on a controller class: every operation of it): the API description lists it (as {@code application/problem+json}) beside the
 * refusals every operation of its kind can answer, which are derived from the code itself.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
@Repeatable(AnswersProblem.List.class)
public @interface AnswersProblem {

    /** The HTTP status, e.g. 409. */
    int status();

    /** When it is answered, for the reader of the API description. */
    String when();

    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.TYPE})
    @interface List {
        AnswersProblem[] value();
    }
}
