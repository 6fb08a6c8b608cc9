package dev.zanith.api.output.text;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The stable JSON of the CLI's and the Maven plugin's {@code --format json} reports (status, history, …): objects
 * keep their keys' insertion order, instants are ISO-8601 strings, output is indented and ends with a newline.
 */
public final class Json {

    private static final ObjectMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private Json() {
    }

    /** An ordered object: {@code Json.object("id", id, "steps", steps)}. */
    public static Map<String, @Nullable Object> object(@Nullable Object... keysAndValues) {
        Map<String, @Nullable Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(String.valueOf(keysAndValues[i]), plain(keysAndValues[i + 1]));
        }
        return map;
    }

    /** {@code value} (objects, lists, strings, numbers, booleans, instants, null) as indented JSON and a newline. */
    public static String write(@Nullable Object value) {
        return MAPPER.writeValueAsString(plain(value)) + "\n";
    }

    private static @Nullable Object plain(@Nullable Object value) {
        if (value instanceof Instant instant) {
            return instant.toString();
        }
        if (value instanceof Collection<?> collection) {
            List<@Nullable Object> list = new ArrayList<>();
            for (Object item : collection) {
                list.add(plain(item));
            }
            return list;
        }
        return value;
    }
}
