package dev.zanith.ops;

import dev.zanith.internal.sql.SqlScript;
import dev.zanith.schema.TableName;

import java.util.List;

import java.util.regex.Pattern;

/**
 * Hand-written SQL the planner cannot reason about (reviewed by hand; verify classifies it by observation).
 *
 * @param transactional whether it runs in one transaction; null means decided from the SQL (CONCURRENTLY,
 *                      VACUUM and the like cannot)
 */
public record RawSql(String sql, Boolean transactional) implements Operation {

    private static final Pattern NEEDS_AUTOCOMMIT = Pattern.compile(
            "\\bCONCURRENTLY\\b|^\\s*VACUUM\\b|\\bCREATE\\s+DATABASE\\b|\\bALTER\\s+SYSTEM\\b",
            Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);

    public RawSql {
        Require.present(sql, "rawSql", "sql");
    }

    @Override
    public OperationKind kind() {
        return OperationKind.RAW_SQL;
    }

    @Override
    public TableName target() {
        return null;
    }

    /** Whether the SQL runs inside one transaction. */
    public boolean runsInTransaction() {
        return transactional != null ? transactional : !NEEDS_AUTOCOMMIT.matcher(withoutComments(sql)).find();
    }

    /** Each statement of the SQL on its own, so errors point at one statement and CONCURRENTLY runs alone. */
    @Override
    public Statements render(RenderContext context) {
        List<String> statements = SqlScript.parse(sql).statements().stream()
                .filter(s -> !s.psqlMetaCommand()).map(SqlScript.Statement::sql).toList();
        if (statements.isEmpty()) {
            throw new IllegalStateException("raw SQL without statements");
        }
        return runsInTransaction() ? new Statements(statements, true, true) : Statements.outsideTransaction(statements, true);
    }

    @Override
    public Reversal reverse() {
        return Reversal.irreversible("raw SQL has no computed reversal; write its undo by hand");
    }

    @Override
    public String summary() {
        String firstLine = sql.strip().lines().filter(l -> !l.isBlank() && !l.strip().startsWith("--")).findFirst().orElse("");
        return "raw sql: " + (firstLine.length() > 70 ? firstLine.substring(0, 67) + "..." : firstLine);
    }

    private static String withoutComments(String text) {
        return text.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("--[^\\n]*", " ");
    }
}
