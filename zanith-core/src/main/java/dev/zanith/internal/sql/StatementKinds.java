package dev.zanith.internal.sql;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a lexed statement is, for deciding how a SQL script runs: transaction control, or a statement PostgreSQL
 * refuses inside a transaction block. Read from the statement's words outside strings, quoted identifiers,
 * comments and dollar-quoted bodies ({@link SqlScript.Statement#words}), never from the text as a whole, so a
 * word in a string or a function body does not count.
 */
public final class StatementKinds {

    /** The kinds of transaction control statement. */
    public enum TransactionControl {
        /** {@code BEGIN}, {@code START TRANSACTION}. */
        BEGIN,
        /** {@code COMMIT}, {@code END}. */
        COMMIT,
        /** {@code ROLLBACK}, {@code ABORT} (not {@code ROLLBACK TO SAVEPOINT}). */
        ROLLBACK,
        /** {@code SAVEPOINT}, {@code RELEASE}, {@code ROLLBACK TO}: they work inside the enclosing transaction. */
        SAVEPOINT,
        /** {@code PREPARE TRANSACTION}, {@code COMMIT PREPARED}, {@code ROLLBACK PREPARED}: two-phase commit. */
        TWO_PHASE
    }

    private static final Set<String> TRANSACTION_NOISE = Set.of("work", "transaction");

    private StatementKinds() {
    }

    /** The transaction control kind of {@code statement}, or null when it is none. */
    public static TransactionControl transactionControl(SqlScript.Statement statement) {
        List<String> w = statement.words(4);
        if (w.isEmpty()) {
            return null;
        }
        String second = w.size() > 1 ? w.get(1) : "";
        return switch (w.get(0)) {
            case "begin" -> TransactionControl.BEGIN; // a top-level BEGIN; BEGIN ATOMIC stays inside its routine
            case "start" -> second.equals("transaction") ? TransactionControl.BEGIN : null;
            case "commit" -> second.equals("prepared") ? TransactionControl.TWO_PHASE : TransactionControl.COMMIT;
            case "end" -> TransactionControl.COMMIT;
            case "abort" -> TransactionControl.ROLLBACK;
            case "rollback" -> second.equals("prepared") ? TransactionControl.TWO_PHASE
                    : w.contains("to") ? TransactionControl.SAVEPOINT : TransactionControl.ROLLBACK;
            case "savepoint", "release" -> TransactionControl.SAVEPOINT;
            case "prepare" -> second.equals("transaction") ? TransactionControl.TWO_PHASE : null;
            default -> null;
        };
    }

    /**
     * Whether a BEGIN/START TRANSACTION or COMMIT/END statement is plain: no transaction modes (isolation level,
     * read only, deferrable) and no {@code AND CHAIN}, which a migration's own transaction cannot honour.
     */
    public static boolean plain(SqlScript.Statement statement) {
        List<String> w = statement.words(10);
        int from = w.get(0).equals("start") ? 2 : 1;
        return w.subList(Math.min(from, w.size()), w.size()).stream().allMatch(TRANSACTION_NOISE::contains);
    }

    /**
     * The command ("CREATE INDEX CONCURRENTLY", "VACUUM", ...) if PostgreSQL refuses to run {@code statement}
     * inside a transaction block, else null.
     */
    public static String cannotRunInTransaction(SqlScript.Statement statement) {
        List<String> w = statement.words(12);
        if (w.isEmpty()) {
            return null;
        }
        String first = w.get(0);
        String second = w.size() > 1 ? w.get(1) : "";
        String third = w.size() > 2 ? w.get(2) : "";
        boolean concurrently = w.contains("concurrently");
        switch (first) {
            case "vacuum" -> {
                return "VACUUM";
            }
            case "create", "drop" -> {
                if (concurrently && (second.equals("index") || (second.equals("unique") && third.equals("index")))) {
                    return upper(first) + " INDEX CONCURRENTLY";
                }
                if (Set.of("database", "tablespace", "subscription").contains(second)) {
                    return upper(first, second);
                }
                return null;
            }
            case "reindex" -> {
                if (concurrently) {
                    return "REINDEX CONCURRENTLY";
                }
                return w.contains("system") || w.contains("database") ? "REINDEX " + (w.contains("system")
                        ? "SYSTEM" : "DATABASE") : null;
            }
            case "alter" -> {
                if (second.equals("system")) {
                    return "ALTER SYSTEM";
                }
                if (second.equals("table") && concurrently && w.contains("detach")) {
                    return "ALTER TABLE ... DETACH PARTITION ... CONCURRENTLY";
                }
                return null;
            }
            case "cluster" -> {
                // CLUSTER without a table reclusters every table, one transaction each
                return w.stream().skip(1).allMatch("verbose"::equals) ? "CLUSTER without a table" : null;
            }
            case "discard" -> {
                return second.equals("all") ? "DISCARD ALL" : null;
            }
            default -> {
                return null;
            }
        }
    }

    /**
     * Whether {@code statement} does the kind of work that makes a typed step long-running: an index build
     * ({@code CREATE [UNIQUE] INDEX}, {@code REINDEX}), a constraint check over existing rows
     * ({@code ALTER TABLE ... VALIDATE CONSTRAINT}; {@code ADD PRIMARY KEY}, {@code UNIQUE}, {@code FOREIGN KEY},
     * {@code REFERENCES} or {@code CHECK} without {@code NOT VALID}), a rewrite ({@code ALTER TABLE ... TYPE},
     * {@code CLUSTER}, {@code VACUUM}) or {@code REFRESH MATERIALIZED VIEW}. A raw SQL step with such a statement
     * renders as long-running, which is what decides its statement timeout (see the ops package's
     * {@code Operation.longRunning()}); anything else (an UPDATE, a DO block, ...) gets the ordinary one.
     */
    public static boolean longRunning(SqlScript.Statement statement) {
        List<String> w = statement.words(Integer.MAX_VALUE);
        if (w.isEmpty()) {
            return false;
        }
        String second = w.size() > 1 ? w.get(1) : "";
        String third = w.size() > 2 ? w.get(2) : "";
        return switch (w.get(0)) {
            case "create" -> second.equals("index") || (second.equals("unique") && third.equals("index"));
            case "reindex", "cluster", "vacuum" -> true;
            case "refresh" -> second.equals("materialized");
            case "alter" -> second.equals("table") && alterTableScansRows(w);
            default -> false;
        };
    }

    private static boolean alterTableScansRows(List<String> w) {
        boolean notValid = false;
        for (int i = 0; i + 1 < w.size(); i++) {
            if (w.get(i).equals("not") && w.get(i + 1).equals("valid")) {
                notValid = true;
            }
        }
        for (int i = 0; i < w.size(); i++) {
            String word = w.get(i);
            String next = i + 1 < w.size() ? w.get(i + 1) : "";
            if (word.equals("validate") && next.equals("constraint") || word.equals("type")) {
                return true;
            }
            if (!notValid && (word.equals("primary") && next.equals("key") || word.equals("unique")
                    || word.equals("foreign") && next.equals("key") || word.equals("references")
                    || word.equals("check"))) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code statement} is a {@code CALL} (a procedure may commit, which only autocommit allows). */
    public static boolean isCall(SqlScript.Statement statement) {
        List<String> w = statement.words(1);
        return !w.isEmpty() && w.get(0).equals("call");
    }

    private static String upper(String... words) {
        return String.join(" ", words).toUpperCase(Locale.ROOT);
    }
}
