package dev.zanith.api.ops;

import dev.zanith.internal.sql.SqlScript;
import dev.zanith.internal.sql.StatementKinds;
import dev.zanith.internal.sql.StatementKinds.TransactionControl;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * How a raw SQL script runs, decided before anything runs from its lexed statements ({@link SqlScript}) and its
 * header directive — the one decision that load, plan, verify and apply share.
 *
 * <ul>
 *   <li>By default the whole script is one transaction (like {@code psql -1}). A script that is exactly one
 *       {@code BEGIN; ... COMMIT;} block is that transaction (the two statements are not sent). Any other
 *       transaction control ({@code BEGIN}, {@code COMMIT}, {@code END}, {@code ROLLBACK}, {@code ABORT},
 *       {@code PREPARE TRANSACTION}, ...) and any statement PostgreSQL refuses inside a transaction block
 *       ({@code CREATE INDEX CONCURRENTLY}, {@code VACUUM}, ...) is a {@link Problem}. {@code SAVEPOINT},
 *       {@code RELEASE} and {@code ROLLBACK TO} work inside the transaction and are allowed.</li>
 *   <li>With the header directive {@value #DIRECTIVE} (a {@code --} comment before the first statement), or
 *       {@code transactional: false} on a YAML {@code rawSql} step, each statement runs on its own and the
 *       applier checkpoints every completed one. Transaction control is then a problem.</li>
 *   <li>psql meta-commands ({@code \set}, {@code \i}, ...) are a problem in both modes.</li>
 * </ul>
 */
public final class RawSqlScript {

    /** The header directive that opts a script out of the single transaction. */
    public static final String DIRECTIVE = "-- zanith:transaction=none";

    /** The prefix of every Zanith directive comment. */
    private static final Pattern DIRECTIVE_LINE = Pattern.compile("(?im)^[ \\t]*--[ \\t]*zanith:(.*)$");
    private static final String OPT_OUT_FIX = "start the file with the line '" + DIRECTIVE + "' (each statement then "
            + "runs and commits on its own, and a re-run resumes at the statement that failed), or move the "
            + "statement to a file of its own that starts with it";

    /**
     * Why a script cannot run, at a 1-based line and column of its text.
     *
     * @param message what is wrong and how to fix it, without the location
     */
    public record Problem(int line, int column, String message) {
    }

    private final SqlScript script;
    private final boolean transactional;
    private final List<SqlScript.Statement> statements;
    private final @Nullable Problem problem;

    private RawSqlScript(SqlScript script, boolean transactional, List<SqlScript.Statement> statements,
                         @Nullable Problem problem) {
        this.script = script;
        this.transactional = transactional;
        this.statements = List.copyOf(statements);
        this.problem = problem;
    }

    /**
     * Lexes {@code sql} and decides how it runs.
     *
     * @param transactional a YAML step's explicit choice; null means the header directive decides (a transaction
     *                      unless it says {@value #DIRECTIVE})
     */
    public static RawSqlScript of(String sql, @Nullable Boolean transactional) {
        SqlScript script = SqlScript.parse(sql);
        List<SqlScript.Statement> all = script.statements();
        int headerEnd = all.isEmpty() ? sql.length() : all.get(0).offset();
        boolean optOut = false;
        Matcher m = DIRECTIVE_LINE.matcher(sql);
        while (m.find()) {
            if (insideStatement(script, m.start())) {
                continue; // a line of a string, dollar-quoted body or COPY data
            }
            SqlScript.Position at = script.positionAt(m.start());
            if (m.start() > headerEnd) {
                return refused(script, at, "the directive '" + m.group().strip() + "' comes after the first "
                        + "statement; directives belong in the header. Move it to the top of the file.");
            }
            String directive = m.group(1).strip().toLowerCase(Locale.ROOT).replace(" ", "");
            if (!directive.equals("transaction=none")) {
                return refused(script, at, "unknown directive '" + m.group().strip() + "'. The only directive is '"
                        + DIRECTIVE + "'.");
            }
            optOut = true;
        }
        if (optOut && Boolean.TRUE.equals(transactional)) {
            return refused(script, script.positionAt(headerEnd), "the step says 'transactional: true' but its SQL "
                    + "starts with '" + DIRECTIVE + "'. Keep one of the two.");
        }
        boolean inTransaction = transactional != null ? transactional : !optOut;
        List<SqlScript.Statement> runnable = new ArrayList<>(all);
        if (runnable.isEmpty()) {
            return refused(script, new SqlScript.Position(1, 1), "no SQL statements (only comments or blank lines). "
                    + "Add statements or delete the file.");
        }
        for (SqlScript.Statement s : runnable) {
            if (s.psqlMetaCommand()) {
                return refused(script, s, "psql meta-command " + s.sql().split("\\s+", 2)[0] + " is not SQL: Zanith "
                        + "sends each statement to the server itself, not through psql. Remove it (write the SQL "
                        + "it stands for; COPY ... FROM stdin with its data lines works).");
            }
        }
        if (inTransaction && StatementKinds.transactionControl(runnable.get(0)) == TransactionControl.BEGIN) {
            SqlScript.Statement begin = runnable.get(0);
            if (!StatementKinds.plain(begin)) {
                return refused(script, begin, quoted(begin) + " sets transaction modes, which a migration "
                        + "cannot choose (Zanith runs the file in its own transaction). Write a plain BEGIN.");
            }
            SqlScript.Statement end = runnable.stream().skip(1).filter(s -> {
                TransactionControl c = StatementKinds.transactionControl(s);
                return c != null && c != TransactionControl.SAVEPOINT;
            }).findFirst().orElse(null);
            SqlScript.Statement last = runnable.get(runnable.size() - 1);
            if (end == null) {
                return refused(script, begin, "BEGIN has no COMMIT: a file that starts with BEGIN must end with "
                        + "COMMIT (the block is then the migration's transaction). Add COMMIT as the last statement, "
                        + "or remove BEGIN.");
            }
            if (end == last && StatementKinds.transactionControl(end) == TransactionControl.COMMIT) {
                if (!StatementKinds.plain(end)) {
                    return refused(script, end, quoted(end) + " is not a plain COMMIT. Write COMMIT.");
                }
                runnable = runnable.subList(1, runnable.size() - 1);
                if (runnable.isEmpty()) {
                    return refused(script, begin, "nothing between BEGIN and COMMIT. Add statements or delete the "
                            + "file.");
                }
            } else if (StatementKinds.transactionControl(end) == TransactionControl.COMMIT) {
                return refused(script, end, quoted(end) + " ends the file's transaction before its last "
                        + "statement, so the statements before it would stay committed if a later one failed. A "
                        + ".sql migration runs in one transaction (like psql -1): move the statements after it "
                        + "before it (one BEGIN ... COMMIT block around the whole file), or put them in a new "
                        + "migration.");
            } else {
                return refused(script, end, transactionControlMessage(end, StatementKinds.transactionControl(end), true));
            }
        }
        for (SqlScript.Statement s : runnable) {
            TransactionControl control = StatementKinds.transactionControl(s);
            if (control != null && (!inTransaction || control != TransactionControl.SAVEPOINT)) {
                return refused(script, s, transactionControlMessage(s, control, inTransaction));
            }
            String outside = StatementKinds.cannotRunInTransaction(s);
            if (outside != null && inTransaction) {
                return refused(script, s, outside + " cannot run inside a transaction block, and this file runs in "
                        + "one transaction" + (Boolean.TRUE.equals(transactional) ? " (transactional: true)" : "")
                        + ". To run it, " + (transactional != null ? "set 'transactional: false' on the step"
                        : OPT_OUT_FIX) + ".");
            }
        }
        return new RawSqlScript(script, inTransaction, runnable, null);
    }

    /** The lexed script, for positions in its text. */
    public SqlScript script() {
        return script;
    }

    /** Whether all statements run in one transaction; when false, each runs on its own. */
    public boolean transactional() {
        return transactional;
    }

    /** The statements that run, in order (a wrapping BEGIN and COMMIT removed). */
    public List<SqlScript.Statement> statements() {
        return statements;
    }

    /** Why the script cannot run, if it cannot. */
    public Optional<Problem> problem() {
        return Optional.ofNullable(problem);
    }

    /**
     * The statements as {@link Statements}, COPY data attached; long-running (the long statement timeout) when one
     * of them builds an index, validates a constraint or rewrites a table ({@link StatementKinds#longRunning}),
     * as the typed step doing the same would be.
     */
    Statements render() {
        List<String> sql = new ArrayList<>();
        java.util.Map<Integer, String> copyData = new java.util.HashMap<>();
        boolean longRunning = false;
        for (SqlScript.Statement s : statements) {
            longRunning |= StatementKinds.longRunning(s);
            if (s.copyData() != null) {
                copyData.put(sql.size(), s.copyData());
            }
            sql.add(s.sql());
        }
        return new Statements(sql, transactional, longRunning, copyData);
    }

    private static String transactionControlMessage(SqlScript.Statement s, TransactionControl control,
                                                    boolean inTransaction) {
        String what = quoted(s);
        if (!inTransaction) {
            return what + " is transaction control, but with '" + DIRECTIVE + "' every statement runs and commits on "
                    + "its own (and is checkpointed). Remove it; to run statements together in one transaction, put "
                    + "them in a file without the directive.";
        }
        if (control == TransactionControl.TWO_PHASE) {
            return what + " is two-phase commit, which a migration cannot take part in. Remove it.";
        }
        return what + " would end or restart the transaction the whole file runs in, so statements before it "
                + "would commit even if a later one fails. A .sql migration runs in one transaction (like psql -1): "
                + "remove the transaction control, or keep exactly one BEGIN as the first statement and one COMMIT as "
                + "the last. To run statements outside a transaction, " + OPT_OUT_FIX + ".";
    }

    private static String quoted(SqlScript.Statement s) {
        return s.summary(60);
    }

    private static boolean insideStatement(SqlScript script, int offset) {
        for (SqlScript.Statement s : script.statements()) {
            int end = s.offset() + s.sql().length();
            if (offset > s.offset() && offset < end) {
                return true;
            }
            if (s.copyData() != null) {
                int dataStart = script.text().indexOf(s.copyData(), end);
                if (offset >= dataStart && offset < dataStart + s.copyData().length()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static RawSqlScript refused(SqlScript script, SqlScript.Statement at, String message) {
        return new RawSqlScript(script, true, List.of(), new Problem(at.line(), at.column(), message));
    }

    private static RawSqlScript refused(SqlScript script, SqlScript.Position at, String message) {
        return new RawSqlScript(script, true, List.of(), new Problem(at.line(), at.column(), message));
    }
}
