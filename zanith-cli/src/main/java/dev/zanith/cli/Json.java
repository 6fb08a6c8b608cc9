package dev.zanith.cli;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The CLI's stable JSON output: maps keep their insertion order, instants are ISO-8601 strings. */
final class Json {

    private static final ObjectMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private Json() {
    }

    /** An ordered object: {@code Json.object("id", id, "steps", steps)}. */
    static Map<String, Object> object(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], plain(keysAndValues[i + 1]));
        }
        return map;
    }

    static String write(Object value) {
        return MAPPER.writeValueAsString(plain(value)) + "\n";
    }

    private static Object plain(Object value) {
        if (value instanceof Instant instant) {
            return instant.toString();
        }
        if (value instanceof Collection<?> collection) {
            List<Object> list = new ArrayList<>();
            for (Object item : collection) {
                list.add(plain(item));
            }
            return list;
        }
        return value;
    }
}
