package dev.zanith.testsupport;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Just enough of a PostgreSQL JDBC URL parser to derive per-test database URLs from an admin URL. */
record JdbcUrl(String host, int port, String database, String user, String password, String extraParameters) {

    private static final String PREFIX = "jdbc:postgresql://";

    static JdbcUrl parse(String url) {
        if (!url.startsWith(PREFIX)) {
            throw new IllegalArgumentException(PostgresServer.EXTERNAL_URL_VARIABLE
                    + " must be a PostgreSQL JDBC URL such as jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres, got: "
                    + url);
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
        String host = hostPort;
        int port = 5432;
        int colon = hostPort.lastIndexOf(':');
        if (colon >= 0) {
            host = hostPort.substring(0, colon);
            port = Integer.parseInt(hostPort.substring(colon + 1));
        }
        String user = System.getProperty("user.name");
        String password = "";
        List<String> extra = new ArrayList<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = eq >= 0 ? pair.substring(0, eq) : pair;
            String value = eq >= 0 ? URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8) : "";
            switch (key) {
                case "user" -> user = value;
                case "password" -> password = value;
                default -> extra.add(pair);
            }
        }
        return new JdbcUrl(host, port, database, user, password, String.join("&", extra));
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
