package dev.zanith.internal.plan;

import dev.zanith.api.exception.ZanithException;
import dev.zanith.internal.jdbc.OneStatement;
import dev.zanith.internal.sql.Identifiers;
import dev.zanith.api.migration.Migration;
import dev.zanith.api.ops.Backfill;
import dev.zanith.api.ops.Operation;
import dev.zanith.api.ops.RawSql;
import dev.zanith.api.ops.SqlFields;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Has the server parse, without running, every statement of a typed step whose fields carry SQL text
 * (defaults, CHECK and generated expressions, index keys and predicates, policies, backfills). The statement is
 * sent whole as one extended-protocol Parse plus Describe and never executed: the server refuses a second
 * command in it and reports a syntax error with its position. DDL is only raw-parsed at that point (names are
 * resolved when it runs), so a table created earlier in the plan is no problem; a backfill is parsed as the
 * equivalent SELECT (ACCESS SHARE, as any preflight query) so that parsing never takes a write lock.
 *
 * <p>Only syntax errors (SQLSTATE 42601) refuse: other errors of parse analysis (a column added by an earlier
 * step) are left to apply.
 */
final class ServerParse {

    private static final String SYNTAX_ERROR = "42601";

    private ServerParse() {
    }

    /**
     * Refuses step {@code index} of {@code migration} when the server cannot parse it as one statement.
     *
     * @param statements the rendered statements of the step
     * @throws ZanithException naming the file, the step, the field text and the server's message
     */
    static void check(Connection c, Migration migration, int index, Operation op, List<String> statements)
            throws SQLException {
        if (op instanceof RawSql || SqlFields.of(op).isEmpty()) {
            return;
        }
        List<String> toParse = op instanceof Backfill backfill ? List.of(selectOf(backfill)) : statements;
        String what = migration.stepLocation(index) + ": " + op.kind().id();
        for (String sql : toParse) {
            OneStatement.require(c, sql, false, what);
            Savepoint savepoint = c.setSavepoint();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.getParameterMetaData(); // Parse + Describe: no Bind, no Execute
                c.releaseSavepoint(savepoint);
            } catch (SQLException e) {
                c.rollback(savepoint);
                if (SYNTAX_ERROR.equals(e.getSQLState())) {
                    throw new ZanithException(what + ": the server cannot parse it (" + firstLine(e.getMessage())
                            + ") in: " + OneStatement.oneLine(sql) + ". Fix the expression in the file; nothing was run.", e);
                }
            }
        }
    }

    /** The backfill's expressions and condition in a SELECT, which reads where the UPDATE would write. */
    private static String selectOf(Backfill backfill) {
        String values = backfill.set().entrySet().stream()
                .map(e -> "(" + e.getValue() + ") AS " + Identifiers.quote(e.getKey())).collect(Collectors.joining(", "));
        return "SELECT " + values + " FROM " + backfill.table().sql()
                + (backfill.where() == null ? "" : " WHERE (" + backfill.where() + ")");
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("").replaceFirst("^ERROR: ", "");
    }
}
