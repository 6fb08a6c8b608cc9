package dev.zanith.internal.step;

import dev.zanith.api.exception.ZanithException;
import dev.zanith.internal.jdbc.Jdbc;
import dev.zanith.api.ops.Statements;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Runs one step's SQL: transactional steps in one transaction with their timeouts set LOCAL (plus whatever
 * the caller must commit atomically with them, such as the audit row); non-transactional steps
 * (CONCURRENTLY, VACUUM) statement by statement in auto-commit, with session timeouts reset afterwards.
 * A statement that gives up waiting for a lock (55P03, or a deadlock) is retried as {@link LockRetry} says: a
 * transactional step as a whole (its transaction was rolled back), a non-transactional one from the statement
 * that failed.
 */
public final class StepExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(StepExecutor.class);

    /** Work done inside a step's own transaction, right before it commits. */
    @FunctionalInterface
    public interface InTransaction {
        void run(Connection connection) throws SQLException;

        InTransaction NOTHING = c -> { };
    }

    /** Cleanup before every attempt of a non-transactional step (such as dropping an INVALID index a failed build left). */
    @FunctionalInterface
    public interface BeforeAttempt {
        void run(Connection connection, int attempt) throws SQLException;

        BeforeAttempt NOTHING = (c, attempt) -> { };
    }

    /** Told before every retry (the failed attempt's number, how long until the next, why). */
    @FunctionalInterface
    public interface RetryListener {
        void retrying(int failedAttempt, int maxAttempts, Duration delay, SQLException cause) throws SQLException;

        RetryListener NONE = (attempt, max, delay, cause) -> { };
    }

    private final Timeouts timeouts;
    private final LockRetry lockRetry;

    /** An executor that does not retry lock timeouts. */
    public StepExecutor(Timeouts timeouts) {
        this(timeouts, LockRetry.NONE);
    }

    public StepExecutor(Timeouts timeouts, LockRetry lockRetry) {
        this.timeouts = timeouts;
        this.lockRetry = lockRetry;
    }

    public Timeouts timeouts() {
        return timeouts;
    }

    public LockRetry lockRetry() {
        return lockRetry;
    }

    /** Executes {@code statements}; {@code beforeCommit} joins the transaction of a transactional step. */
    public void execute(Connection c, Statements statements, InTransaction beforeCommit) throws SQLException {
        execute(c, statements, BeforeAttempt.NOTHING, beforeCommit, RetryListener.NONE);
    }

    /**
     * Executes {@code statements} with lock-timeout retries; {@code beforeAttempt} runs before each attempt of a
     * non-transactional step, {@code beforeCommit} inside the step's transaction (for a non-transactional step,
     * in a short transaction after its statements).
     */
    public void execute(Connection c, Statements statements, BeforeAttempt beforeAttempt, InTransaction beforeCommit,
                        RetryListener retries) throws SQLException {
        // a step may run for hours: its statement_timeout bounds it, not the connection's socket timeout
        Jdbc.withoutNetworkTimeout(c, conn -> {
            run(conn, statements, beforeAttempt, beforeCommit, retries);
            return null;
        });
    }

    private void run(Connection c, Statements statements, BeforeAttempt beforeAttempt, InTransaction beforeCommit,
                     RetryListener retries) throws SQLException {
        if (statements.transactional()) {
            inTransaction(c, statements.longRunning(), tx -> {
                for (int i = 0; i < statements.sql().size(); i++) {
                    Jdbc.executeStatement(tx, statements.sql().get(i), statements.copyData(i));
                }
                beforeCommit.run(tx);
                return null;
            }, retries);
            return;
        }
        String statementTimeout = statementTimeout(statements.longRunning());
        String lockTimeout = Timeouts.millis(timeouts.lockTimeout());
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(true);
        try {
            for (int i = 0; i < statements.sql().size(); i++) {
                String sql = statements.sql().get(i);
                String copyData = statements.copyData(i);
                withRetries(attempt -> {
                    beforeAttempt.run(c, attempt);
                    setLimits(c, lockTimeout, statementTimeout, false);
                    Jdbc.executeStatement(c, sql, copyData);
                    return null;
                }, retries);
            }
        } catch (SQLException | RuntimeException e) {
            // The statement's error is the cause; on a lost connection the cleanup fails as well.
            try {
                resetLimits(c, autoCommit);
            } catch (SQLException cleanupFailure) {
                e.addSuppressed(cleanupFailure);
            }
            throw e;
        }
        resetLimits(c, autoCommit);
        Jdbc.inTransaction(c, tx -> {
            beforeCommit.run(tx);
            return null;
        });
    }

    /**
     * Runs {@code work} in one transaction with this executor's timeouts set LOCAL, retrying the whole transaction
     * when it loses a fight for a lock. For units of a step that are not plain statements (backfill batches). Like
     * {@link #execute}, without the connection's socket timeout: the statement timeout bounds it.
     */
    public <T> T inTransaction(Connection c, boolean longRunning, Jdbc.SqlWork<T> work, RetryListener retries)
            throws SQLException {
        String statementTimeout = statementTimeout(longRunning);
        String lockTimeout = Timeouts.millis(timeouts.lockTimeout());
        return Jdbc.withoutNetworkTimeout(c, conn -> withRetries(attempt -> Jdbc.inTransaction(conn, tx -> {
            setLimits(tx, lockTimeout, statementTimeout, true);
            return work.run(tx);
        }), retries));
    }

    @FunctionalInterface
    private interface Attempt<T> {
        T run(int attempt) throws SQLException;
    }

    private <T> T withRetries(Attempt<T> attempt, RetryListener retries) throws SQLException {
        for (int n = 1; ; n++) {
            try {
                return attempt.run(n);
            } catch (SQLException e) {
                if (!LockRetry.isLockFailure(e.getSQLState()) || n >= lockRetry.maxAttempts()) {
                    throw e;
                }
                Duration delay = lockRetry.delay(n);
                LOG.info("Attempt {} of {} gave up on a lock ({}: {}); retrying in {} ms", n, lockRetry.maxAttempts(),
                        e.getSQLState(), e.getMessage(), delay.toMillis());
                retries.retrying(n, lockRetry.maxAttempts(), delay, e);
                sleep(delay);
            }
        }
    }

    private String statementTimeout(boolean longRunning) {
        return Timeouts.millis(longRunning ? timeouts.longStatementTimeout() : timeouts.statementTimeout());
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ZanithException("Interrupted while waiting to retry a step after a lock timeout.", e);
        }
    }

    private static void resetLimits(Connection c, boolean autoCommit) throws SQLException {
        try {
            Jdbc.execute(c, "RESET lock_timeout; RESET statement_timeout");
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    private static void setLimits(Connection c, String lockTimeout, String statementTimeout, boolean local)
            throws SQLException {
        Jdbc.query(c, "SELECT set_config('lock_timeout', ?, ?), set_config('statement_timeout', ?, ?)", rs -> null,
                lockTimeout, local, statementTimeout, local);
    }
}
