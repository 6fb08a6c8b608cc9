package dev.zanith.internal.sql;

import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.sql.SQLException;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Words a server error of one statement of a {@link SqlScript} for a user: where in the file it happened (the
 * server's error position mapped to line and column, or the named object's first mention), PostgreSQL's message
 * with its SQLSTATE, the failing statement quoted, and the server's DETAIL, HINT and CONTEXT.
 */
public final class StatementErrors {

    /** How many characters of the failing statement a message quotes. */
    public static final int SUMMARY_CHARS = 80;

    private static final Pattern QUOTED_NAME = Pattern.compile("\"([^\"]+)\"");

    private StatementErrors() {
    }

    /**
     * {@code <where(position)>: <message> [SQLSTATE s] (in the statement starting at line L: <statement>)} plus
     * DETAIL, HINT and CONTEXT when the server sent them.
     *
     * @param where names a position of the script, e.g. {@code file:line:column}
     */
    public static String describe(SqlScript script, SqlScript.Statement statement,
                                  Function<SqlScript.Position, String> where, SQLException e) {
        ServerErrorMessage server = e instanceof PSQLException p ? p.getServerErrorMessage() : null;
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String message = message(e);
        int serverPosition = server == null ? 0 : server.getPosition();
        if (serverPosition <= 0 && state.startsWith("42")) {
            // "relation "userz" does not exist" and the like: point at the name the server complains about
            serverPosition = positionOfQuotedName(statement.sql(), message);
        }
        SqlScript.Position position = script.positionInStatement(statement, serverPosition);
        StringBuilder text = new StringBuilder(where.apply(position)).append(": ").append(message);
        if (!state.isEmpty()) {
            text.append(" [SQLSTATE ").append(state).append(']');
        }
        text.append(" (").append(inStatement(statement)).append(')');
        if (server != null) {
            appendLabelled(text, "DETAIL", server.getDetail());
            appendLabelled(text, "HINT", server.getHint());
            if (server.getPosition() <= 0) {
                appendLabelled(text, "CONTEXT", server.getWhere());
            }
        }
        return text.toString();
    }

    /** PostgreSQL's own message, without pgjdbc's "ERROR:" and position decorations when it sent one. */
    public static String message(SQLException e) {
        ServerErrorMessage server = e instanceof PSQLException p ? p.getServerErrorMessage() : null;
        return server != null && server.getMessage() != null ? server.getMessage() : e.getMessage();
    }

    /** "in the statement starting at line L: <the statement on one line>". */
    public static String inStatement(SqlScript.Statement statement) {
        return "in the statement starting at line " + statement.line() + ": " + statement.summary(SUMMARY_CHARS);
    }

    /** Appends {@code  LABEL: value.} when the value is not blank. */
    public static void appendLabelled(StringBuilder text, String label, String value) {
        if (value != null && !value.isBlank()) {
            String trimmed = value.strip().replaceAll("\\s*\\n\\s*", "; ");
            text.append(' ').append(label).append(": ").append(trimmed);
            if (!trimmed.endsWith(".")) {
                text.append('.');
            }
        }
    }

    /**
     * When the server gives no position but names an object ({@code relation "userz" does not exist}), the
     * 1-based position of that name's first occurrence in the statement, or 0.
     */
    public static int positionOfQuotedName(String sql, String message) {
        Matcher quoted = QUOTED_NAME.matcher(message == null ? "" : message);
        if (!quoted.find()) {
            return 0;
        }
        String name = quoted.group(1);
        String bare = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : name;
        Matcher occurrence = Pattern.compile("(?<![\\w$])\"?" + Pattern.quote(bare) + "\"?(?![\\w$])",
                Pattern.CASE_INSENSITIVE).matcher(sql);
        return occurrence.find() ? occurrence.start() + 1 : 0;
    }
}
