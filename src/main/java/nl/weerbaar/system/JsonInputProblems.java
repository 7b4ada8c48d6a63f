package nl.weerbaar.system;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Says what is wrong with JSON that could not be read, as a client can act on it: the field (as
 * {@code events[2].quantity}), what was given and what is expected; for JSON that is not even
 * well-formed, the line and column.
 */
public final class JsonInputProblems {

    private static final int SHOWN = 60;

    private JsonInputProblems() {}

    /** The problem with {@code e}, named by its field path, or by {@code whole} (e.g. "body") when it is in the whole. */
    public static InvalidInputException.InvalidParam describe(JacksonException e, String whole) {
        String path = path(e);
        String name = path.isEmpty() ? whole : path;
        return new InvalidInputException.InvalidParam(name, reason(e));
    }

    private static String reason(JacksonException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            Collection<Object> known = unknown.getKnownPropertyIds();
            return "is not a known field" + (known == null || known.isEmpty() ? ""
                    : "; the fields are " + known.stream().map(String::valueOf).sorted().collect(Collectors.joining(", ")));
        }
        if (e instanceof InvalidNullException) {
            return "must not be null";
        }
        if (e instanceof InvalidFormatException format) {
            if (format.getTargetType() == String.class) {
                return format.getOriginalMessage();
            }
            return "is " + shown(format.getValue()) + "; expected " + expected(format.getTargetType());
        }
        if (e instanceof MismatchedInputException mismatch) {
            String given = given(e);
            if (mismatch.getTargetType() == null) {
                return given == null ? "is missing or of the wrong type" : "is " + given + ", which is not allowed here";
            }
            return (given == null ? "is missing" : "is " + given) + "; expected " + expected(mismatch.getTargetType());
        }
        if (e instanceof InputCoercionException coercion) {
            return "is " + shown(textOf(e)) + ", beyond the range of " + expected(coercion.getTargetType());
        }
        if (e instanceof StreamReadException) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            return "is not valid JSON" + where + ": " + firstLine(e.getOriginalMessage());
        }
        return "cannot be read: " + firstLine(e.getOriginalMessage());
    }

    /** The field a problem is in, as {@code items[0].perPersonPerDay}; empty for the body itself. */
    public static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** What a value of {@code type} looks like, as a client writes it: "a whole number from …", "a date like 2027-03-31". */
    public static String expected(Class<?> type) {
        if (type == null) {
            return "another type";
        }
        if (type == String.class || type == Character.class || type == char.class) {
            return "text";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == Integer.class || type == int.class) {
            return "a whole number from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE;
        }
        if (type == Long.class || type == long.class) {
            return "a whole number from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE;
        }
        if (type == Short.class || type == short.class || type == Byte.class || type == byte.class || type == BigInteger.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class || type == BigDecimal.class) {
            return "a number";
        }
        if (type == Instant.class || type == OffsetDateTime.class) {
            return "a moment like 2026-12-01T09:30:00Z";
        }
        if (type == LocalDate.class) {
            return "a date like 2027-03-31";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(String::valueOf).collect(Collectors.joining(", "));
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a JSON array";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord() || tools.jackson.databind.JsonNode.class.isAssignableFrom(type)) {
            return "a JSON object";
        }
        return "a value of another form";
    }

    /** What the client sent at the failing place, as far as the parser still knows it. */
    private static String given(JacksonException e) {
        if (!(e.processor() instanceof JsonParser parser) || parser.currentToken() == null) {
            return null;
        }
        JsonToken token = parser.currentToken();
        return switch (token) {
            case VALUE_STRING -> "the text " + shown(textOf(e));
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "the number " + textOf(e);
            case VALUE_TRUE, VALUE_FALSE -> token.asString();
            case VALUE_NULL -> "null";
            case START_OBJECT, END_OBJECT, PROPERTY_NAME -> "an object";
            case START_ARRAY, END_ARRAY -> "an array";
            default -> null;
        };
    }

    private static String textOf(JacksonException e) {
        try {
            return e.processor() instanceof JsonParser parser ? parser.getString() : null;
        } catch (JacksonException unreadable) {
            return null;
        }
    }

    private static String shown(Object value) {
        if (value == null) {
            return "null";
        }
        String text = String.valueOf(value);
        String cut = text.length() > SHOWN ? text.substring(0, SHOWN) + "…" : text;
        return value instanceof String ? "'" + cut + "'" : cut;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
