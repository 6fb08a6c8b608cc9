package dev.zanith.internal.sql;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
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

    /**
     * The text of {@code dev/zanith/sql/<path>} with every {@code ${name}} replaced by {@code fragments.get(name)}:
     * for DDL, where PostgreSQL takes no parameters. The fragments must already be SQL, i.e. identifiers from
     * {@link Identifiers#quote}/{@link Identifiers#qualify} or literals from {@link Identifiers#literal}.
     *
     * @throws IllegalStateException when a placeholder has no fragment or a fragment has no placeholder
     */
    public static String render(String path, Map<String, String> fragments) {
        String text = get(path);
        StringBuilder out = new StringBuilder(text.length() + 64);
        Set<String> used = new HashSet<>();
        int from = 0;
        while (true) {
            int start = text.indexOf("${", from);
            if (start < 0) {
                break;
            }
            int end = text.indexOf('}', start);
            if (end < 0) {
                break;
            }
            String name = text.substring(start + 2, end);
            String fragment = fragments.get(name);
            if (fragment == null) {
                throw new IllegalStateException("No value for ${" + name + "} in SQL resource " + path);
            }
            used.add(name);
            out.append(text, from, start).append(fragment);
            from = end + 1;
        }
        out.append(text, from, text.length());
        if (!used.containsAll(fragments.keySet())) {
            throw new IllegalStateException("SQL resource " + path + " has no placeholder for some of "
                    + fragments.keySet());
        }
        return out.toString();
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
