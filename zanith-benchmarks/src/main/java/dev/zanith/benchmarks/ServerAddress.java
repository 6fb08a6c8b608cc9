package dev.zanith.benchmarks;

import dev.zanith.api.exception.ZanithException;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A PostgreSQL server as named by an admin JDBC URL ({@code jdbc:postgresql://host:port/db?user=…&password=…}):
 * enough to point JDBC at another database on it and to hand pg_dump the same connection through libpq's
 * environment variables (no password on a command line).
 */
record ServerAddress(String host, int port, String adminDatabase, String query, Map<String, String> parameters) {

    private static final String PREFIX = "jdbc:postgresql://";

    static ServerAddress parse(String url) {
        if (url == null || !url.startsWith(PREFIX)) {
            throw new ZanithException("--url must be a PostgreSQL JDBC URL such as "
                    + "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres, got: " + url);
        }
        String rest = url.substring(PREFIX.length());
        String query = "";
        int q = rest.indexOf('?');
        if (q >= 0) {
            query = rest.substring(q + 1);
            rest = rest.substring(0, q);
        }
        int slash = rest.indexOf('/');
        String hostPort = slash >= 0 ? rest.substring(0, slash) : rest;
        String database = slash >= 0 && slash < rest.length() - 1 ? rest.substring(slash + 1) : "postgres";
        if (hostPort.contains(",")) {
            throw new ZanithException("--url names several hosts; the benchmark needs exactly one server.");
        }
        String host = hostPort.isEmpty() ? "localhost" : hostPort;
        int port = 5432;
        int colon = hostPort.lastIndexOf(':');
        if (colon >= 0 && colon > hostPort.lastIndexOf(']')) { // not the colons inside [::1]
            host = hostPort.substring(0, colon);
            try {
                port = Integer.parseInt(hostPort.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new ZanithException("--url has an invalid port: " + hostPort.substring(colon + 1));
            }
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (!pair.isEmpty()) {
                int eq = pair.indexOf('=');
                parameters.put(eq >= 0 ? pair.substring(0, eq) : pair,
                        eq >= 0 ? URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8) : "");
            }
        }
        return new ServerAddress(host, port, URLDecoder.decode(database, StandardCharsets.UTF_8), query,
                Map.copyOf(parameters));
    }

    String adminUrl() {
        return jdbcUrl(adminDatabase);
    }

    /** The same server and parameters, another database. */
    String jdbcUrl(String database) {
        return PREFIX + host + ':' + port + '/' + database + (query.isEmpty() ? "" : "?" + query);
    }

    /** libpq environment for pg_dump: PGHOST, PGPORT, PGDATABASE and, when the URL has them, user, password, sslmode. */
    Map<String, String> libpqEnvironment(String database) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PGHOST", host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        env.put("PGPORT", Integer.toString(port));
        env.put("PGDATABASE", database);
        putIfPresent(env, "PGUSER", "user");
        putIfPresent(env, "PGPASSWORD", "password");
        putIfPresent(env, "PGSSLMODE", "sslmode");
        return env;
    }

    private void putIfPresent(Map<String, String> env, String variable, String parameter) {
        String value = parameters.get(parameter);
        if (value != null && !value.isEmpty()) {
            env.put(variable, value);
        }
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
