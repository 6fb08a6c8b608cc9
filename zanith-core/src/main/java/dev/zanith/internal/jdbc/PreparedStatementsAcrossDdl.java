package dev.zanith.internal.jdbc;

import org.postgresql.core.BaseConnection;
import org.postgresql.core.QueryExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Keeps pgjdbc's server-prepared statements of one connection across the DDL of an apply, and forgets them all once,
 * when the apply is done.
 *
 * <p>pgjdbc 42.7.13+ forgets every server-prepared statement of a connection when a {@code CREATE}, {@code ALTER} or
 * {@code DROP} completes on it ({@code flushCacheOnDdl}, on by default), so that an application's {@code SELECT *}
 * cannot meet a changed row type. During an apply that costs the refresh after every migration a parse and plan of
 * its ~35 catalog queries. Connections Zanith opens from a URL have the flush off for their whole life (see
 * {@link ConnectionSource#open()}); a connection borrowed from the application's pool returns to the application, so
 * here the flush is off only while Zanith works on it, and {@link #close()} turns it back on and runs
 * {@code DEALLOCATE ALL}, which pgjdbc answers by forgetting its prepared statements (its
 * {@code flushCacheOnDeallocate}, on by default) — what the flushes during the apply would have done, once.
 *
 * <p>Does nothing on a connection whose flush is already off, on a driver without the setting (older than 42.7.13:
 * it never flushes) and on a connection that is not pgjdbc's.
 */
public final class PreparedStatementsAcrossDdl implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PreparedStatementsAcrossDdl.class);
    private static final PreparedStatementsAcrossDdl NOTHING = new PreparedStatementsAcrossDdl(null, null);

    private final Connection connection;
    private final QueryExecutor executor;

    private PreparedStatementsAcrossDdl(Connection connection, QueryExecutor executor) {
        this.connection = connection;
        this.executor = executor;
    }

    /** Turns pgjdbc's flush on DDL off on {@code c} until {@link #close()}, where it was on. */
    public static PreparedStatementsAcrossDdl keep(Connection c) {
        try {
            if (!c.isWrapperFor(BaseConnection.class)) {
                return NOTHING;
            }
            QueryExecutor executor = c.unwrap(BaseConnection.class).getQueryExecutor();
            if (!executor.isFlushCacheOnDdl()) {
                return NOTHING;
            }
            executor.setFlushCacheOnDdl(false);
            return new PreparedStatementsAcrossDdl(c, executor);
        } catch (SQLException | LinkageError e) {
            // LinkageError: a pgjdbc before 42.7.13 has no such setting, and never flushes.
            LOG.debug("pgjdbc's flushCacheOnDdl is left as it is on this connection", e);
            return NOTHING;
        }
    }

    /** Whether {@link #keep} turned the flush off (and {@link #close()} will forget the statements). */
    public boolean kept() {
        return executor != null;
    }

    @Override
    public void close() {
        if (executor == null) {
            return;
        }
        executor.setFlushCacheOnDdl(true);
        try (Statement s = connection.createStatement()) {
            s.execute("DEALLOCATE ALL");
        } catch (SQLException e) {
            // A broken connection is evicted by the pool anyway. On a live one, a statement the application prepared
            // before the apply over a table the apply changed fails once with "cached plan must not change result
            // type" inside a transaction (pgjdbc re-prepares it by itself in auto-commit).
            LOG.warn("Could not forget the prepared statements of the connection after apply (DEALLOCATE ALL): {}",
                    e.getMessage());
        }
    }
}
