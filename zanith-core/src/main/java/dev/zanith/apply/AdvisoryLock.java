package dev.zanith.apply;

import dev.zanith.ZanithException;
import dev.zanith.internal.jdbc.ConnectionSource;
import dev.zanith.internal.jdbc.Jdbc;
import dev.zanith.internal.sql.SqlResources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A session-level advisory lock held on a dedicated connection for as long as an apply runs, so that two
 * application instances or CI runners never apply to the same target at once. A session lock (not a
 * transaction lock) keeps no transaction open, so {@code CREATE INDEX CONCURRENTLY} on the work connection
 * cannot deadlock against it; waiters poll with {@code pg_try_advisory_lock} instead of blocking in a statement
 * for the same reason. If the process dies, the server ends the session and the lock with it.
 */
public final class AdvisoryLock implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AdvisoryLock.class);
    /** Base interval between attempts while another session holds the lock (plus up to as much jitter). */
    private static final long POLL_MILLIS = 100;

    private final Connection connection;
    private final long key;
    private final String target;
    private final long waitedMs;

    private AdvisoryLock(Connection connection, long key, String target, long waitedMs) {
        this.connection = connection;
        this.key = key;
        this.target = target;
        this.waitedMs = waitedMs;
    }

    /**
     * Opens a connection and takes the lock {@code key} on it, waiting up to {@code wait} for another holder
     * (zero: do not wait). {@code waiting} hears about the current holder before the wait begins.
     *
     * @param purpose e.g. "apply": names the session ({@code application_name}) so others can see who holds it
     * @param target  for messages: what the lock protects
     * @throws ZanithException naming the holder when the wait runs out
     */
    public static AdvisoryLock acquire(ConnectionSource source, long key, Duration wait, String purpose, String target,
                                       Consumer<LockHolder> waiting) {
        Connection c = source.open();
        long start = System.nanoTime();
        try {
            c.setAutoCommit(true);
            Jdbc.query(c, "SELECT set_config('application_name', ?, false)", rs -> null, sessionName(purpose));
            if (!tryLock(c, key)) {
                Optional<LockHolder> holder = holder(c, key);
                holder.ifPresent(waiting);
                if (wait.isZero()) {
                    throw busy(purpose, target, holder, wait);
                }
                LOG.info("Waiting up to {} ms for the {} lock on {}, held by {}", wait.toMillis(), purpose, target,
                        holder.map(LockHolder::describe).orElse("another session"));
                // Poll rather than block in pg_advisory_lock(): a session blocked in a statement keeps a snapshot
                // open, and the holder's CREATE INDEX CONCURRENTLY would wait for it forever.
                long deadline = start + wait.toNanos();
                while (!tryLock(c, key)) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        throw busy(purpose, target, holder(c, key).or(() -> holder), wait);
                    }
                    sleep(Math.min(TimeUnit.NANOSECONDS.toMillis(left) + 1,
                            POLL_MILLIS + ThreadLocalRandom.current().nextLong(POLL_MILLIS)));
                }
            }
            return new AdvisoryLock(c, key, target, (System.nanoTime() - start) / 1_000_000);
        } catch (SQLException | RuntimeException e) {
            close(c, e);
            if (e instanceof ZanithException z) {
                throw z;
            }
            throw new ZanithException("Could not take the " + purpose + " lock on " + target + ": " + e.getMessage(), e);
        }
    }

    private static boolean tryLock(Connection c, long key) throws SQLException {
        return Jdbc.queryFirst(c, "SELECT pg_try_advisory_lock(?)", rs -> rs.getBoolean(1), key).orElse(false);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ZanithException("Interrupted while waiting for the apply lock.", e);
        }
    }

    /** The session holding lock {@code key} in the database of {@code c}, if any. */
    public static Optional<LockHolder> holder(Connection c, long key) throws SQLException {
        return Jdbc.queryFirst(c, SqlResources.get("apply/lock-holder.sql"), rs -> {
            Timestamp since = rs.getTimestamp("backend_start");
            return new LockHolder(rs.getInt("pid"), rs.getString("application_name"), rs.getString("usename"),
                    rs.getString("client_addr"), since == null ? null : since.toInstant(), rs.getString("state"));
        }, key >>> 32, key & 0xffffffffL);
    }

    /** How long acquiring took. */
    public long waitedMs() {
        return waitedMs;
    }

    /**
     * Checks the lock's session is still alive (a dead connection means the lock is gone and another runner may
     * have started).
     */
    public void verifyHeld() {
        try {
            boolean held = Jdbc.queryFirst(connection, "SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_locks WHERE "
                    + "locktype = 'advisory' AND pid = pg_backend_pid() AND granted AND objsubid = 1 "
                    + "AND classid::bigint = ? AND objid::bigint = ?)", rs -> rs.getBoolean(1), key >>> 32,
                    key & 0xffffffffL).orElse(false);
            if (!held) {
                throw new ZanithException("The apply lock on " + target + " was lost; stopping before the next step. "
                        + "Run apply again.");
            }
        } catch (SQLException e) {
            throw new ZanithException("The connection holding the apply lock on " + target + " failed ("
                    + e.getMessage() + "); stopping before the next step. Run apply again: it resumes where it stopped.",
                    e);
        }
    }

    /** Releases the lock and closes its connection. */
    @Override
    public void close() {
        try {
            Jdbc.query(connection, "SELECT pg_advisory_unlock(?)", rs -> null, key);
            // A pooled connection goes back to the application: give it its own name back.
            Jdbc.execute(connection, "RESET application_name");
        } catch (SQLException e) {
            LOG.debug("Could not release the advisory lock explicitly (closing its session releases it)", e);
        }
        close(connection, null);
    }

    private static ZanithException busy(String purpose, String target, Optional<LockHolder> holder, Duration wait) {
        String who = holder.map(LockHolder::describe).orElse("another session (not visible to this user)");
        // apply, repair and recover share one lock: the holder may be any of them
        return new ZanithException("Another Zanith apply, repair or restore is running on " + target + ": the lock is "
                + "held by " + who + ". "
                + (wait.isZero() ? "Not waiting (lock wait is 0). " : "Waited " + wait.toMillis() + " ms. ")
                + "Let it finish and run " + purpose + " again, or wait longer with --lock-wait (zanith.advisory-lock-wait). If that "
                + "session is stuck, end it with: SELECT pg_terminate_backend(" + holder.map(h -> Integer.toString(h.pid()))
                .orElse("<pid>") + ");");
    }

    private static String sessionName(String purpose) {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "unknown-host";
        }
        String name = "zanith " + purpose + " pid " + ProcessHandle.current().pid() + "@" + host;
        return name.length() > 63 ? name.substring(0, 63) : name;
    }

    private static void close(Connection c, Exception failure) {
        try {
            c.close();
        } catch (SQLException e) {
            if (failure != null) {
                failure.addSuppressed(e);
            }
        }
    }
}
