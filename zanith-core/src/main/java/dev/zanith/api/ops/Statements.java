package dev.zanith.api.ops;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The SQL of one operation and how it must run.
 *
 * @param sql           statements, executed in order
 * @param transactional whether they run inside one transaction; when false (CONCURRENTLY, VACUUM), each
 *                      statement runs on its own in auto-commit
 * @param longRunning   whether they get the long statement timeout (index builds, validation, copies)
 * @param copyData      the data of each {@code COPY ... FROM STDIN} statement, by its index in {@code sql};
 *                      sent through the COPY protocol (pgjdbc's CopyManager) when it runs
 */
public record Statements(List<String> sql, boolean transactional, boolean longRunning, Map<Integer, String> copyData) {

    public Statements {
        sql = List.copyOf(sql);
        copyData = Map.copyOf(copyData);
        if (sql.isEmpty()) {
            throw new IllegalArgumentException("an operation renders at least one statement");
        }
    }

    public Statements(List<String> sql, boolean transactional, boolean longRunning) {
        this(sql, transactional, longRunning, Map.of());
    }

    /** The COPY data of statement {@code index}, or null when it is not a COPY FROM STDIN. */
    public @Nullable String copyData(int index) {
        return copyData.get(index);
    }

    /** Statement {@code index} alone, run the same way (its COPY data kept). */
    public Statements only(int index) {
        String data = copyData(index);
        return new Statements(List.of(sql.get(index)), transactional, longRunning,
                data == null ? Map.of() : Map.of(0, data));
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

    /** The statements as a script, each terminated by a semicolon, COPY data after its statement as psql reads it. */
    public String script() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < sql.size(); i++) {
            out.append(sql.get(i)).append(";\n");
            String data = copyData(i);
            if (data != null) {
                out.append(data).append(data.isEmpty() || data.endsWith("\n") ? "" : "\n").append("\\.\n");
            }
        }
        return out.toString();
    }
}
