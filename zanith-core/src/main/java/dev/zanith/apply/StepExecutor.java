package dev.zanith.apply;

import dev.zanith.internal.jdbc.Jdbc;
import dev.zanith.ops.Statements;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Runs one step's SQL: transactional steps in one transaction with their timeouts set LOCAL (plus whatever
 * the caller must commit atomically with them, such as the audit row); non-transactional steps
 * (CONCURRENTLY, VACUUM) statement by statement in auto-commit, with session timeouts reset afterwards.
 */
public final class StepExecutor {

    /** Work done inside a step's own transaction, right before it commits. */
    @FunctionalInterface
    public interface InTransaction {
        void run(Connection connection) throws SQLException;

        InTransaction NOTHING = c -> { };
    }

    private final Timeouts timeouts;

    public StepExecutor(Timeouts timeouts) {
        this.timeouts = timeouts;
    }

    public Timeouts timeouts() {
        return timeouts;
    }

    /** Executes {@code statements}; {@code beforeCommit} joins the transaction of a transactional step. */
    public void execute(Connection c, Statements statements, InTransaction beforeCommit) throws SQLException {
        String statementTimeout = Timeouts.millis(statements.longRunning() ? timeouts.longStatementTimeout()
                : timeouts.statementTimeout());
        String lockTimeout = Timeouts.millis(timeouts.lockTimeout());
        if (statements.transactional()) {
            Jdbc.inTransaction(c, tx -> {
                setLimits(tx, lockTimeout, statementTimeout, true);
                for (String sql : statements.sql()) {
                    Jdbc.execute(tx, sql);
                }
                beforeCommit.run(tx);
                return null;
            });
            return;
        }
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(true);
        try {
            setLimits(c, lockTimeout, statementTimeout, false);
            for (String sql : statements.sql()) {
                Jdbc.execute(c, sql);
            }
        } finally {
            try {
                Jdbc.execute(c, "RESET lock_timeout; RESET statement_timeout");
            } finally {
                c.setAutoCommit(autoCommit);
            }
        }
        Jdbc.inTransaction(c, tx -> {
            beforeCommit.run(tx);
            return null;
        });
    }

    private static void setLimits(Connection c, String lockTimeout, String statementTimeout, boolean local)
            throws SQLException {
        Jdbc.query(c, "SELECT set_config('lock_timeout', ?, ?), set_config('statement_timeout', ?, ?)", rs -> null,
                lockTimeout, local, statementTimeout, local);
    }
}
