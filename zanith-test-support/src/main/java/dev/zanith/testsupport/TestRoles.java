package dev.zanith.testsupport;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Roles for one test. Roles belong to the whole server, not to a database, so each test gets its own names
 * ({@code zr_<pid>_<n>_<name>}) and drops them when closed. SQL names them as {@code ${name}} placeholders, which
 * {@link #sql} replaces. Close the databases that granted the roles anything first (a role with privileges cannot be
 * dropped): declare a {@code TestRoles} before them in a try-with-resources.
 */
public final class TestRoles implements AutoCloseable {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final PostgresServer server;
    private final Map<String, String> names = new LinkedHashMap<>();

    private TestRoles(PostgresServer server) {
        this.server = server;
    }

    /** Creates one NOLOGIN role per placeholder name. */
    public static TestRoles create(PostgresServer server, List<String> placeholders) {
        TestRoles roles = new TestRoles(server);
        if (placeholders.isEmpty()) {
            return roles;
        }
        try (Connection c = server.connect(server.adminDatabase()); Statement s = c.createStatement()) {
            for (String placeholder : placeholders) {
                String name = "zr_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet() + "_" + placeholder;
                s.execute("CREATE ROLE \"" + name + "\" NOLOGIN");
                roles.names.put(placeholder, name);
            }
        } catch (SQLException e) {
            roles.close();
            throw new IllegalStateException("Could not create test roles: " + e.getMessage(), e);
        }
        return roles;
    }

    /** The real name of the role {@code placeholder}. */
    public String name(String placeholder) {
        String name = names.get(placeholder);
        if (name == null) {
            throw new IllegalArgumentException("no test role " + placeholder + " (have " + names.keySet() + ")");
        }
        return name;
    }

    /** {@code sql} with every {@code ${placeholder}} replaced by the role's quoted name. */
    public String sql(String sql) {
        String result = sql;
        for (Map.Entry<String, String> role : names.entrySet()) {
            result = result.replace("${" + role.getKey() + "}", "\"" + role.getValue() + "\"");
        }
        return result;
    }

    @Override
    public void close() {
        if (names.isEmpty()) {
            return;
        }
        try (Connection c = server.connect(server.adminDatabase()); Statement s = c.createStatement()) {
            for (String name : names.values()) {
                s.execute("DROP ROLE IF EXISTS \"" + name + "\"");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not drop test roles " + names.values() + ": " + e.getMessage(), e);
        }
    }
}
