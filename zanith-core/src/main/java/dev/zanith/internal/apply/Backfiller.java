package dev.zanith.internal.apply;

import dev.zanith.api.exception.LockLostException;
import dev.zanith.api.output.BackfillProgress;
import dev.zanith.internal.step.BackfillSettings;
import dev.zanith.internal.step.Fence;
import dev.zanith.internal.step.StepExecutor;
import dev.zanith.api.exception.ZanithException;
import dev.zanith.internal.audit.Checkpoint;
import dev.zanith.internal.audit.Checkpoints;
import dev.zanith.internal.jdbc.Jdbc;
import dev.zanith.internal.jdbc.OneStatement;
import dev.zanith.internal.sql.Identifiers;
import dev.zanith.internal.sql.SqlResources;
import dev.zanith.api.ops.Backfill;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Runs a {@link Backfill} in primary-key batches. A batch covers the next batch-size keys after the cursor in key
 * order (a range of the primary key index from the cursor, never a re-scan of the rows done) and updates those of its
 * rows that match the condition; it saves the new cursor (the batch's last key, as JSON) and the running count of
 * updated rows in {@code _zanith_migration_checkpoints} — all in one short transaction, so a crash can neither lose
 * nor repeat a batch: the next run continues after the last committed cursor. The batch that reaches the table's last
 * key ends the walk. Unless the step fixes its batch size, batch sizes adapt to
 * {@link BackfillSettings#targetBatchDuration()} (measured per batch, transaction included).
 */
final class Backfiller {

    private static final Logger LOG = LoggerFactory.getLogger(Backfiller.class);
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final long LOG_EVERY_NANOS = Duration.ofSeconds(5).toNanos();

    private final StepExecutor executor;
    private final Checkpoints checkpoints;
    private final BackfillSettings settings;
    private final Fence fence;

    Backfiller(StepExecutor executor, Checkpoints checkpoints, BackfillSettings settings, Fence fence) {
        this.executor = executor;
        this.checkpoints = checkpoints;
        this.settings = settings;
        this.fence = fence;
    }

    /**
     * Runs the remaining batches of step {@code stepIndex} of {@code migrationId}, then closes the checkpoint in one
     * transaction with {@code finish} (the step hook and the "done" row).
     *
     * @throws ZanithException for a table without a primary key (nothing is updated)
     */
    void run(Connection c, String migrationId, int stepIndex, Backfill backfill, Consumer<BackfillProgress> progress,
             StepExecutor.RetryListener retries, StepExecutor.InTransaction finish) throws SQLException {
        List<String> keys = primaryKey(c, backfill);
        String table = backfill.table().sql();
        String where = backfill.where() == null ? "true" : backfill.where();
        BatchStatements statements = BatchStatements.of(backfill, keys);
        for (String sql : List.of(statements.first(), statements.next())) {
            OneStatement.require(c, sql, true, "backfill of " + backfill.table() + " (step " + stepIndex + " of "
                    + migrationId + ")");
        }
        boolean adaptive = backfill.batchSize() == null && settings.adaptive();
        int batchSize = backfill.batchSize() != null ? backfill.batchSize() : settings.batchSize();

        Checkpoint checkpoint = checkpoints.get(c, migrationId, stepIndex).orElse(null);
        Long total = checkpoint != null && checkpoint.totalRows() != null ? checkpoint.totalRows()
                : estimate(c, table, where);
        String cursor = checkpoint == null ? null : checkpoint.cursor();
        long processed = checkpoint == null ? 0 : checkpoint.processedRows();
        if (checkpoint != null) {
            LOG.info("Backfill {} resumes after {} with {} rows already done", backfill.table(), cursor, processed);
        }
        boolean finished = checkpoint != null && Checkpoints.DONE.equals(checkpoint.status());
        long start = System.nanoTime();
        long lastLog = start;
        long processedThisRun = 0;
        long batches = 0;
        while (!finished) {
            String previous = cursor;
            long before = processed;
            Long estimate = total;
            int size = batchSize;
            long batchStart = System.nanoTime();
            Batch batch = executor.inTransaction(c, true, tx -> {
                // Before every batch, in its transaction: an applier that lost the lock updates no more rows.
                fence.check(tx);
                Batch result = Jdbc.queryFirst(tx, previous == null ? statements.first() : statements.next(),
                        rs -> new Batch(rs.getLong("updated_rows"), rs.getString("last_key"),
                                rs.getBoolean("last_batch")), statements.parameters(previous, size)).orElseThrow();
                if (result.lastKey() != null) {
                    checkpoints.save(tx, migrationId, stepIndex, new Checkpoint(result.lastKey(),
                            before + result.updated(), estimate, Checkpoints.RUNNING));
                }
                return result;
            }, retries);
            batches++;
            // An empty table has no last key; otherwise the batch that reached the table's last key was the last.
            finished = batch.lastKey() == null || batch.lastBatch();
            if (batch.lastKey() != null) {
                cursor = batch.lastKey();
                processed += batch.updated();
                processedThisRun += batch.updated();
            }
            if (adaptive && !finished) {
                batchSize = settings.nextBatchSize(size, System.nanoTime() - batchStart);
            }
            long now = System.nanoTime();
            double seconds = Math.max(1e-3, (now - start) / 1e9);
            double rate = processedThisRun / seconds;
            // The planner's guess (e.g. 0.5% for "IS NULL" on a column without statistics) can fall far short: once
            // passed, it is no estimate at all, and showing "3,000 of ~12" would only confuse.
            Long expected = total != null && processed <= total ? total : null;
            Duration eta = expected == null || rate <= 0 ? null
                    : Duration.ofMillis((long) (Math.max(0, expected - processed) / rate * 1000));
            BackfillProgress current = new BackfillProgress(backfill.table(), processed, expected, batches, rate,
                    finished ? Duration.ZERO : eta, finished);
            progress.accept(current);
            if (finished || now - lastLog >= LOG_EVERY_NANOS) {
                lastLog = now;
                LOG.info("Backfill {} (migration {} step {}): {} rows{}, {} rows/s{}", backfill.table(), migrationId,
                        stepIndex, String.format(Locale.ROOT, "%,d", processed),
                        expected == null ? "" : String.format(Locale.ROOT, " of ~%,d", expected),
                        String.format(Locale.ROOT, "%,.0f", rate), finished ? ", done" : eta == null ? ""
                                : ", ETA " + eta.toSeconds() + " s");
            }
            if (!finished && !settings.pause().isZero()) {
                pause(settings.pause());
            }
        }
        String finalCursor = cursor;
        long finalCount = processed;
        executor.inTransaction(c, false, tx -> {
            checkpoints.save(tx, migrationId, stepIndex, new Checkpoint(finalCursor, finalCount, total, Checkpoints.DONE));
            finish.run(tx);
            return null;
        }, retries);
    }

    /** Marks the checkpoint failed after an error (best effort: the step row records the error itself). */
    void failed(Connection c, String migrationId, int stepIndex) {
        try {
            Jdbc.inTransaction(c, tx -> {
                fence.check(tx);
                checkpoints.setStatus(tx, migrationId, stepIndex, Checkpoints.FAILED);
                return null;
            });
        } catch (SQLException | LockLostException e) {
            LOG.debug("Could not mark the checkpoint of {} step {} failed", migrationId, stepIndex, e);
        }
    }

    /**
     * @param updated   rows of the batch's key range that matched the condition and were updated
     * @param lastKey   the batch's last key as a JSON object (the next cursor), null only for an empty table
     * @param lastBatch whether the batch reached the table's last key
     */
    private record Batch(long updated, String lastKey, boolean lastBatch) {
    }

    /**
     * The batch statement (from {@code apply/backfill-batch.sql}) of one backfill over the table's primary key
     * {@code keys}: {@code first} starts at the table's first key, {@code next} after a cursor.
     */
    record BatchStatements(String first, String next, int keyCount) {

        static BatchStatements of(Backfill backfill, List<String> keys) {
            String table = backfill.table().sql();
            String where = backfill.where() == null ? "true" : backfill.where();
            String keyList = keys.stream().map(Identifiers::quote).collect(Collectors.joining(", "));
            String lastKeyOrder = keys.stream().map(k -> Identifiers.quote(k) + " DESC")
                    .collect(Collectors.joining(", "));
            String after = SqlResources.render("apply/backfill-after.sql", Map.of("keys", keyList,
                    "cursorValues", keyValues(table, keys, "CAST(? AS jsonb)")));
            String boundValues = keyValues(table, keys, "(SELECT last_key FROM bound)");
            return new BatchStatements(render(table, keyList, "true", boundValues, where, backfill, lastKeyOrder),
                    render(table, keyList, after, boundValues, where, backfill, lastKeyOrder), keys.size());
        }

        /**
         * The bound parameters of a batch of {@code size} keys after {@code cursor} (a JSON object of the key
         * columns; null: {@link #first()}). The cursor comes once per key column in the bound's key walk and again
         * in the update's range, the offset between.
         */
        Object[] parameters(@Nullable String cursor, int size) {
            int cursorParams = cursor == null ? 0 : keyCount;
            Object[] params = new Object[2 * cursorParams + 1];
            for (int i = 0; i < cursorParams; i++) {
                params[i] = cursor;
                params[cursorParams + 1 + i] = cursor;
            }
            params[cursorParams] = size - 1;
            return params;
        }

        private static String render(String table, String keys, String after, String boundValues, String where,
                                     Backfill backfill, String lastKeyOrder) {
            return SqlResources.render("apply/backfill-batch.sql", Map.of("keys", keys, "table", table,
                    "after", after, "boundValues", boundValues, "where", where,
                    "assignments", backfill.assignments(), "lastKeyOrder", lastKeyOrder));
        }

        /** Each key column's value in the JSON object {@code json} (an SQL expression), read as the row type. */
        private static String keyValues(String table, List<String> keys, String json) {
            return keys.stream().map(k -> SqlResources.render("apply/backfill-cursor-value.sql",
                    Map.of("table", table, "json", json, "column", Identifiers.quote(k))))
                    .collect(Collectors.joining(", "));
        }
    }

    private static List<String> primaryKey(Connection c, Backfill backfill) throws SQLException {
        String table = backfill.table().sql();
        boolean exists = Jdbc.queryFirst(c, SqlResources.get("apply/table-exists.sql"), rs -> rs.getBoolean(1), table)
                .orElse(false);
        if (!exists) {
            throw new ZanithException("backfill: table " + backfill.table() + " does not exist. Check the table name "
                    + "in the migration, or move the backfill after the step that creates it.");
        }
        List<String> keys = new ArrayList<>(Jdbc.query(c, SqlResources.get("apply/primary-key.sql"),
                rs -> rs.getString("column_name"), table));
        if (keys.isEmpty()) {
            throw new ZanithException("backfill refused: table " + backfill.table() + " has no primary key, and "
                    + "backfills walk the primary key in batches so that a crash resumes without redoing or skipping "
                    + "rows. Add a primary key first (an earlier step), or update the rows with a rawSql step if one "
                    + "long UPDATE is acceptable.");
        }
        return keys;
    }

    /** The planner's estimate of the rows to update (cheap: no scan), or null if it cannot be had. */
    private static Long estimate(Connection c, String table, String where) {
        try {
            String sql = SqlResources.render("apply/backfill-estimate.sql", Map.of("table", table, "where", where));
            OneStatement.require(c, sql, true, "backfill estimate of " + table);
            String plan = Jdbc.queryFirst(c, sql, rs -> rs.getString(1)).orElse(null);
            if (plan == null) {
                return null;
            }
            JsonNode rows = JSON.readTree(plan).path(0).path("Plan").path("Plan Rows");
            return rows.isNumber() ? rows.asLong() : null;
        } catch (SQLException | RuntimeException e) {
            LOG.debug("No row estimate for {}", table, e);
            return null;
        }
    }

    private static void pause(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ZanithException("Interrupted between backfill batches; run apply again to resume.", e);
        }
    }
}
