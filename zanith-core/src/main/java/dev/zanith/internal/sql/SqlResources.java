package dev.zanith.internal.sql;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** SQL kept in {@code src/main/resources/dev/zanith/sql}, loaded once and cached. */
public final class SqlResources {

    private static final String ROOT = "/dev/zanith/sql/";
    private static final ConcurrentMap<String, String> CACHE = new ConcurrentHashMap<>();

    private SqlResources() {
    }

    /** The text of {@code dev/zanith/sql/<path>}, e.g. {@code introspect/tables.sql}. */
    public static String get(String path) {
        return CACHE.computeIfAbsent(path, SqlResources::load);
    }

    private static String load(String path) {
        try (InputStream in = SqlResources.class.getResourceAsStream(ROOT + path)) {
            if (in == null) {
                throw new IllegalStateException("Missing SQL resource " + ROOT + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
