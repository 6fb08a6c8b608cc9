package dev.zanith.internal.step;

import dev.zanith.api.exception.LockLostException;
import dev.zanith.api.output.LockHolder;
import dev.zanith.internal.step.Fence;
import dev.zanith.api.exception.ZanithException;
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
    private final int pid;
    private final String purpose;

    private AdvisoryLock(Connection connection, long key, String target, long waitedMs, int pid, String purpose) {
        this.connection = connection;
        this.purpose = purpose;
        this.key = key;
        this.target = target;
        this.waitedMs = waitedMs;
        this.pid = pid;
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
            int pid = Jdbc.queryFirst(c, "SELECT pg_backend_pid()", rs -> rs.getInt(1)).orElseThrow();
            drainFencedWriters(c, key);
            return new AdvisoryLock(c, key, target, (System.nanoTime() - start) / 1_000_000, pid, purpose);
        } catch (SQLException | RuntimeException e) {
            close(c, e);
            if (e instanceof ZanithException z) {
                throw z;
            }
            throw new ZanithException("Could not take the " + purpose + " lock on " + target + ": " + ConnectionSource.message(e), e);
        }
    }

    /**
     * Waits until no transaction of an earlier owner is between its {@link #fence() fence} check and its commit:
     * such a transaction holds the fence key (the lock key's two-int form) shared, so taking it exclusively once
     * proves they have all ended. Polls, for the reason the lock itself is polled.
     */
    private static void drainFencedWriters(Connection c, long key) throws SQLException {
        while (!Jdbc.queryFirst(c, "SELECT pg_try_advisory_lock(?, ?)", rs -> rs.getBoolean(1), high(key), low(key))
                .orElse(false)) {
            sleep(POLL_MILLIS / 10);
        }
        Jdbc.query(c, "SELECT pg_advisory_unlock(?, ?)", rs -> null, high(key), low(key));
    }

    private static int high(long key) {
        return (int) (key >>> 32);
    }

    private static int low(long key) {
        return (int) key;
    }

    /**
     * The fence of this lock, to be checked inside every transaction that writes on the owner's behalf. The check
     * takes the fence key shared for the rest of the transaction and then requires this lock's session to hold
     * the lock. A later owner first takes the lock and then the fence key exclusively: so either the check ran
     * while this session still held the lock and the later owner waits for the transaction to end before it
     * reads anything, or the later owner already holds the lock and the check fails. Either way a writer that
     * lost the lock never commits over a new owner's work.
     */
    public Fence fence() {
        return tx -> {
            Jdbc.query(tx, "SELECT pg_advisory_xact_lock_shared(?, ?)", rs -> null, high(key), low(key));
            boolean held = Jdbc.queryFirst(tx, "SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_locks WHERE "
                    + "locktype = 'advisory' AND pid = ? AND granted AND objsubid = 1 "
                    + "AND classid::bigint = ? AND objid::bigint = ?)", rs -> rs.getBoolean(1), pid, key >>> 32,
                    key & 0xffffffffL).orElse(false);
            if (!held) {
                throw lost(null);
            }
        };
    }

    /**
     * Runs {@code work} in the open transaction of {@code tx} behind this lock's {@link #fence() fence}
     * ({@link Fence#around}: checked before the work and right before the caller commits).
     *
     * @throws LockLostException when this lock's session no longer holds the lock (roll back, write nothing more)
     */
    public <T> T fenced(Connection tx, Jdbc.SqlWork<T> work) throws SQLException {
        return fence().around(tx, work);
    }

    private LockLostException lost(SQLException cause) {
        String ended = "its session " + pid + " ended" + (cause == null ? "" : ": " + cause.getMessage());
        if (purpose.equals("apply")) {
            return new LockLostException("The apply lock on " + target + " was lost while applying (" + ended
                    + "); stopped without writing anything more, since another apply may own the steps now. Run apply "
                    + "again: it resumes where the last committed step or batch left off.", cause);
        }
        return new LockLostException("The apply lock on " + target + " was lost while running " + purpose + " ("
                + ended + "); nothing of this " + purpose + " was committed, since another apply, repair or restore may "
                + "own the audit tables now. Run it again.", cause);
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
                throw lost(null);
            }
        } catch (SQLException e) {
            throw lost(e);
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
