package dev.zanith.internal.jdbc;

import dev.zanith.api.exception.ZanithException;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.NativeQuery;
import org.postgresql.core.Parser;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Makes sure the SQL of a typed step reaches the server as exactly one statement. pgjdbc splits SQL text at
 * every semicolon its lexer sees outside quotes and comments and sends the pieces one after another; text it
 * sends whole goes out as one extended-protocol Parse message, in which the server itself refuses a second
 * command ("cannot insert multiple commands into a prepared statement"). So: ask pgjdbc's own parser how many
 * statements it would send, refuse anything but one, and the server refuses whatever pgjdbc's lexer missed.
 * (With {@code preferQueryMode=simple} the server no longer refuses, but the pgjdbc count still does.)
 */
public final class OneStatement {

    private OneStatement() {
    }

    /** How many statements pgjdbc would send for {@code sql} ({@code ?} placeholders when {@code parameters}). */
    public static int count(Connection c, String sql, boolean parameters) throws SQLException {
        boolean standardStrings = !c.isWrapperFor(BaseConnection.class)
                || c.unwrap(BaseConnection.class).getStandardConformingStrings();
        List<NativeQuery> queries = Parser.parseJdbcSql(sql, standardStrings, parameters, true, false, false);
        return (int) queries.stream().filter(q -> !q.nativeSql.isBlank()).count();
    }

    /**
     * Refuses {@code sql} unless it is one statement.
     *
     * @param what for the message, e.g. "step 2 of 20260101000000_add_nickname (addColumn)"
     * @throws ZanithException naming {@code what} and the statement; nothing was sent
     */
    public static void require(Connection c, String sql, boolean parameters, String what) throws SQLException {
        int count = count(c, sql, parameters);
        if (count != 1) {
            throw new ZanithException(what + " would send " + count + " statements where its operation writes exactly "
                    + "one; nothing was run. A field of the operation holds SQL beyond its expression: " + oneLine(sql)
                    + ". Keep each field to one expression, and put free SQL in a rawSql step.");
        }
    }

    /** {@code sql} on one line for a message (whitespace runs collapsed), cut after 200 characters. */
    public static String oneLine(String sql) {
        String flat = sql.replaceAll("\\s+", " ").strip();
        return flat.length() > 200 ? flat.substring(0, 197) + "..." : flat;
    }
}
