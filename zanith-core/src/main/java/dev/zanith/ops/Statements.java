package dev.zanith.ops;

import java.util.List;

/**
 * The SQL of one operation and how it must run.
 *
 * @param sql           statements, executed in order
 * @param transactional whether they run inside one transaction; when false (CONCURRENTLY, VACUUM), each
 *                      statement runs on its own in auto-commit
 * @param longRunning   whether they get the long statement timeout (index builds, validation, copies)
 */
public record Statements(List<String> sql, boolean transactional, boolean longRunning) {

    public Statements {
        sql = List.copyOf(sql);
        if (sql.isEmpty()) {
            throw new IllegalArgumentException("an operation renders at least one statement");
        }
    }

    public static Statements of(String... sql) {
        return new Statements(List.of(sql), true, false);
    }

    public static Statements of(List<String> sql) {
        return new Statements(sql, true, false);
    }

    public static Statements longRunning(String... sql) {
        return new Statements(List.of(sql), true, true);
    }

    public static Statements outsideTransaction(String sql, boolean longRunning) {
        return new Statements(List.of(sql), false, longRunning);
    }

    public static Statements outsideTransaction(List<String> sql, boolean longRunning) {
        return new Statements(sql, false, longRunning);
    }

    /** The statements as a script, each terminated by a semicolon. */
    public String script() {
        StringBuilder out = new StringBuilder();
        for (String statement : sql) {
            out.append(statement).append(";\n");
        }
        return out.toString();
    }
}
