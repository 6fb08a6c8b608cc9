package dev.zanith.studio;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP request as a host hands it to {@link Studio#handle(StudioRequest)}.
 *
 * @param method  the HTTP method, upper case ({@code GET}, {@code POST}, {@code DELETE})
 * @param path    the raw (still percent-encoded) path below the Studio's base path, starting with {@code /}:
 *                {@code /} for the page, {@code /api/overview}, {@code /assets/app.js}
 * @param query   decoded query parameters, each with its values in order
 * @param headers request headers with lower-case names (one value each: the first)
 */
public record StudioRequest(String method, String path, Map<String, List<String>> query, Map<String, String> headers) {

    public StudioRequest {
        method = method.toUpperCase(Locale.ROOT);
        path = path.isEmpty() ? "/" : path;
        query = Map.copyOf(query);
        Map<String, String> lower = new LinkedHashMap<>();
        headers.forEach((name, value) -> lower.putIfAbsent(name.toLowerCase(Locale.ROOT), value));
        headers = Map.copyOf(lower);
    }

    /** The first value of a query parameter; empty when absent or blank. */
    public Optional<String> param(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() || values.get(0).isBlank() ? Optional.empty()
                : Optional.of(values.get(0).trim());
    }

    /** A header by name (any case). */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    /** Parses a raw query string ({@code a=1&b=x%20y}); null or empty gives no parameters. */
    public static Map<String, List<String>> parseQuery(String raw) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            query.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return query;
    }
}
