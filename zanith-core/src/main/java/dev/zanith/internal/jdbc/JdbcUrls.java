package dev.zanith.internal.jdbc;

import dev.zanith.api.exception.ZanithConfigException;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Accepts JDBC URLs and libpq-style {@code postgres://} URLs; hides passwords in messages. */
public final class JdbcUrls {

    private JdbcUrls() {
    }

    /**
     * A PostgreSQL JDBC URL for {@code url}: {@code jdbc:postgresql://...} as given, or a
     * {@code postgres[ql]://user:pass@host:port/db?params} URL converted.
     */
    public static String normalize(String url) {
        if (url == null || url.isBlank()) {
            throw new ZanithConfigException("No database URL. Pass --url jdbc:postgresql://HOST:PORT/DATABASE "
                    + "(or set ZANITH_URL).");
        }
        String trimmed = url.trim();
        if (trimmed.startsWith("jdbc:postgresql:")) {
            return trimmed;
        }
        if (trimmed.startsWith("postgres://") || trimmed.startsWith("postgresql://")) {
            return fromLibpq(trimmed);
        }
        throw new ZanithConfigException("Not a PostgreSQL URL: '" + redact(trimmed)
                + "'. Use jdbc:postgresql://HOST:PORT/DATABASE (user and password as ?user=...&password=... or "
                + "--user/--password), or postgres://USER:PASSWORD@HOST:PORT/DATABASE.");
    }

    /**
     * {@code url} (normalized) when it names a database; pgjdbc would otherwise connect to the database named
     * like the user, which is rarely the one meant.
     *
     * @throws ZanithConfigException for {@code jdbc:postgresql://host:5432/} and the like
     */
    public static String requireDatabase(String url) {
        String jdbc = normalize(url);
        String rest = jdbc.substring("jdbc:postgresql:".length());
        int question = rest.indexOf('?');
        String location = question >= 0 ? rest.substring(0, question) : rest;
        String database = location;
        if (location.startsWith("//")) {
            int slash = location.indexOf('/', 2);
            database = slash < 0 ? "" : location.substring(slash + 1);
        }
        if (database.isEmpty()) {
            throw new ZanithConfigException("The database URL '" + redact(jdbc) + "' names no database (the server "
                    + "would pick the one named like the user). Add it: jdbc:postgresql://HOST:PORT/DATABASE.");
        }
        return jdbc;
    }

    private static String fromLibpq(String url) {
        try {
            URI uri = new URI(url);
            StringBuilder jdbc = new StringBuilder("jdbc:postgresql://").append(uri.getHost() == null ? "localhost" : uri.getHost());
            if (uri.getPort() > 0) {
                jdbc.append(':').append(uri.getPort());
            }
            jdbc.append(uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath());
            StringBuilder query = new StringBuilder(uri.getRawQuery() == null ? "" : uri.getRawQuery());
            String userInfo = uri.getRawUserInfo();
            if (userInfo != null) {
                int colon = userInfo.indexOf(':');
                String user = colon >= 0 ? userInfo.substring(0, colon) : userInfo;
                appendParam(query, "user", user);
                if (colon >= 0) {
                    appendParam(query, "password", userInfo.substring(colon + 1));
                }
            }
            if (query.length() > 0) {
                jdbc.append('?').append(query);
            }
            return jdbc.toString();
        } catch (URISyntaxException e) {
            throw new ZanithConfigException("Malformed database URL '" + redact(url) + "': " + e.getReason());
        }
    }

    private static void appendParam(StringBuilder query, String name, String rawValue) {
        if (query.length() > 0) {
            query.append('&');
        }
        // Already percent-encoded in the URI; the JDBC query string takes it as is.
        query.append(name).append('=').append(rawValue);
    }

    /**
     * The same server, user and parameters as {@code url} (normalized first), but the database {@code database}:
     * {@code jdbc:postgresql://h1:p1,h2:p2/old?x=y} becomes {@code jdbc:postgresql://h1:p1,h2:p2/DATABASE?x=y}.
     */
    /** The URL with one more query parameter (value URL-encoded). */
    public static String withParameter(String url, String name, String value) {
        String jdbc = normalize(url);
        return jdbc + (jdbc.contains("?") ? "&" : "?") + name + "="
                + URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    public static String withDatabase(String url, String database) {
        if (database == null || database.isEmpty()) {
            throw new IllegalArgumentException("A database name must not be empty");
        }
        String jdbc = normalize(url);
        String prefix = "jdbc:postgresql:";
        String rest = jdbc.substring(prefix.length());
        int question = rest.indexOf('?');
        String query = question >= 0 ? rest.substring(question) : "";
        String location = question >= 0 ? rest.substring(0, question) : rest;
        // pgjdbc URL-decodes the database name.
        String encoded = URLEncoder.encode(database, StandardCharsets.UTF_8).replace("+", "%20");
        if (location.startsWith("//")) {
            int slash = location.indexOf('/', 2);
            String hosts = slash >= 0 ? location.substring(0, slash) : location;
            return prefix + hosts + '/' + encoded + query;
        }
        return prefix + encoded + query; // jdbc:postgresql:database (local host, default port)
    }

    /**
     * The URL (normalized) without its {@code user} parameter, and without its {@code password} when it had a user
     * (that password is the URL user's): a user given apart from the URL must win, and pgjdbc lets URL parameters
     * override the connection properties. A password in a URL without a user stays.
     */
    public static String withoutUser(String url) {
        String jdbc = normalize(url);
        int question = jdbc.indexOf('?');
        if (question < 0) {
            return jdbc;
        }
        List<String> parameters = List.of(jdbc.substring(question + 1).split("&"));
        boolean hadUser = parameters.stream().anyMatch(p -> name(p).equalsIgnoreCase("user"));
        String query = parameters.stream().filter(p -> !p.isEmpty() && !name(p).equalsIgnoreCase("user")
                && !(hadUser && name(p).equalsIgnoreCase("password"))).collect(java.util.stream.Collectors.joining("&"));
        return jdbc.substring(0, question) + (query.isEmpty() ? "" : "?" + query);
    }

    private static String name(String parameter) {
        int equals = parameter.indexOf('=');
        return equals < 0 ? parameter : parameter.substring(0, equals);
    }

    /** The URL with any password replaced by {@code ***}. */
    public static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&]*", "$1***").replaceAll("(://[^:/@]+:)[^@/]*@", "$1***@");
    }

    /**
     * {@code url} with its password left out (a {@code password=} parameter, or the password of
     * {@code user:password@}), for a command line a message tells someone to run: the password then comes from
     * {@code --password} or {@code ZANITH_PASSWORD}.
     */
    public static String withoutPassword(String url) {
        String base = url.replaceAll("(://[^:/@]+):[^@/]*@", "$1@");
        int query = base.indexOf('?');
        if (query < 0) {
            return base;
        }
        String params = java.util.Arrays.stream(base.substring(query + 1).split("&"))
                .filter(p -> !p.toLowerCase(java.util.Locale.ROOT).startsWith("password="))
                .collect(java.util.stream.Collectors.joining("&"));
        return base.substring(0, query) + (params.isEmpty() ? "" : "?" + params);
    }
}
