package dev.zanith.internal.apply;

import dev.zanith.api.ops.Backfill;
import dev.zanith.api.output.BackfillProgress;
import dev.zanith.api.schema.TableName;
import dev.zanith.internal.step.BackfillSettings;
import dev.zanith.internal.step.StepHook;
import dev.zanith.testsupport.RealPostgres;
import dev.zanith.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@RealPostgres
class BackfillTest {

    @TempDir
    Path dir;

    @Test
    void compositeKeysAreWalkedInKeyOrderAndOnlyMatchingRowsAreUpdatedOnce(TestDatabase db) {
        db.execute("""
                CREATE TABLE "Order Lines" (tenant text NOT NULL, line int NOT NULL, qty int NOT NULL, total int,
                                            touched int NOT NULL DEFAULT 0, PRIMARY KEY (tenant, line));
                INSERT INTO "Order Lines" (tenant, line, qty)
                SELECT t, l, l FROM unnest(ARRAY['acme', 'b''s', 'zed']) t, generate_series(1, 7) l;
                """);
        ApplyFixture f = new ApplyFixture(db, dir).migration("20260101000000_totals", """
                  - backfill:
                      table: public."Order Lines"
                      set: {total: qty * 10, touched: touched + 1}
                      where: total IS NULL AND qty <> 4
                """);
        ApplyFixture.Recorder run = f.apply(f.config().backfillBatchSize(4).build(), ApplyGuard.ALLOW_ALL, StepHook.NONE);

        assertThat(run.result.succeeded()).as(run.events.toString()).isTrue();
        assertThat(f.value("SELECT count(*) FROM \"Order Lines\" WHERE touched = 1 AND total = qty * 10")).isEqualTo(18L);
        assertThat(f.value("SELECT count(*) FROM \"Order Lines\" WHERE touched = 0 AND total IS NULL AND qty = 4"))
                .isEqualTo(3L);
        // 21 keys in batches of 4 keys, the last batch the one that reaches the last key (zed, 7); each batch updates
        // its keys' matching rows: (acme 1-4) 3, (acme 5-7, b's 1) 4, (b's 2-5) 3, (b's 6-7, zed 1-2) 4, (zed 3-6) 3, (zed 7) 1.
        assertThat(run.progress).extracting(BackfillProgress::processedRows).containsExactly(3L, 7L, 10L, 14L, 17L, 18L);
        assertThat(run.progress).extracting(BackfillProgress::finished)
                .containsExactly(false, false, false, false, false, true);
        assertThat(f.rows("SELECT processed_rows, status, \"cursor\" ->> 'tenant' AS tenant, (\"cursor\" ->> 'line')::int AS line "
                + "FROM _zanith_migration_checkpoints"))
                .containsExactly(Map.of("processed_rows", 18L, "status", "done", "tenant", "zed", "line", 7));
    }

    @Test
    void aBatchReadsOnlyItsKeyRangeWhenTheConditionsColumnHasNoStatisticsYet(TestDatabase db) throws Exception {
        // The usual backfill: a column just added, so the planner has no statistics for "filled IS NULL" and guesses
        // 0.5 % of the rows. A batch must still read its own keys only (and the table's last key), not the rest of
        // the table: the server's own row counts (EXPLAIN ANALYZE of one batch, rolled back) say what it read.
        db.execute("""
                CREATE TABLE readings (id bigint PRIMARY KEY, amount int NOT NULL);
                INSERT INTO readings SELECT g, g % 1000 FROM generate_series(1, 20000) g;
                ANALYZE readings;
                ALTER TABLE readings ADD COLUMN filled int;
                """);
        Backfill backfill = new Backfill(new TableName("public", "readings"), Map.of("filled", "amount * 2"),
                "filled IS NULL", null);
        Backfiller.BatchStatements statements = Backfiller.BatchStatements.of(backfill, List.of("id"));
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            JsonNode plan;
            try (PreparedStatement ps = c.prepareStatement("EXPLAIN (ANALYZE, FORMAT JSON) " + statements.next())) {
                Object[] params = statements.parameters("{\"id\": 5000}", 100);
                for (int i = 0; i < params.length; i++) {
                    ps.setObject(i + 1, params[i]);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    plan = JsonMapper.builder().build().readTree(rs.getString(1)).path(0).path("Plan");
                }
            } finally {
                c.rollback();
            }
            // The 100 keys after the cursor (the bound's walk), the table's last key, the 100 rows updated.
            assertThat(rowsRead(plan, "readings")).as(plan.toPrettyString()).isLessThanOrEqualTo(201);
        }
    }

    @Test
    void anEmptyTableIsDoneAfterOneBatch(TestDatabase db) {
        db.execute("CREATE TABLE nothing (id int PRIMARY KEY, v int)");
        ApplyFixture f = new ApplyFixture(db, dir).migration("20260101000000_none", """
                  - backfill:
                      table: public.nothing
                      set: {v: "1"}
                """);
        ApplyFixture.Recorder run = f.apply();

        assertThat(run.result.succeeded()).as(run.events.toString()).isTrue();
        assertThat(run.progress).extracting(BackfillProgress::processedRows).containsExactly(0L);
        assertThat(f.rows("SELECT processed_rows, status FROM _zanith_migration_checkpoints"))
                .containsExactly(Map.of("processed_rows", 0L, "status", "done"));
    }

    /** Rows the scan nodes of {@code plan} read from {@code table} (actual rows times loops, the whole tree). */
    private static long rowsRead(JsonNode node, String table) {
        long rows = table.equals(node.path("Relation Name").asString(""))
                ? node.path("Actual Rows").asLong() * node.path("Actual Loops").asLong(1) : 0;
        if (node.path("Node Type").asString("").equals("ModifyTable")) {
            rows = 0; // the update's own node counts the rows it wrote, not rows read
        }
        for (JsonNode child : node.path("Plans")) {
            rows += rowsRead(child, table);
        }
        return rows;
    }

    @Test
    void aTableWithoutAPrimaryKeyIsRefusedAndNothingIsUpdated(TestDatabase db) {
        db.execute("CREATE TABLE events (id bigint, kind text); INSERT INTO events SELECT g, 'x' FROM generate_series(1, 5) g;");
        ApplyFixture f = new ApplyFixture(db, dir).migration("20260101000000_kinds", """
                  - backfill:
                      table: public.events
                      set: {kind: "'y'"}
                """);
        ApplyFixture.Recorder run = f.apply();

        assertThat(run.result.failedStep()).hasValueSatisfying(s -> {
            assertThat(s.error()).startsWith("backfill refused: table public.events has no primary key")
                    .contains("Add a primary key first");
            assertThat(s.sqlState()).isNull();
        });
        assertThat(f.value("SELECT count(*) FROM events WHERE kind = 'y'")).isEqualTo(0L);
        assertThat(f.statuses("20260101000000_kinds")).containsExactly("failed");
    }

    @Test
    void aResumedBackfillContinuesAfterTheLastCommittedBatch(TestDatabase db) {
        db.execute("""
                CREATE TABLE items (sku text PRIMARY KEY, n int NOT NULL DEFAULT 0, ok boolean NOT NULL DEFAULT true);
                INSERT INTO items (sku) SELECT 'sku-' || lpad(g::text, 3, '0') FROM generate_series(1, 50) g;
                UPDATE items SET ok = false WHERE sku = 'sku-033';
                """);
        // Fails on sku-033 (in the ninth batch of four): the first eight batches are committed with their cursor.
        ApplyFixture f = new ApplyFixture(db, dir).migration("20260101000000_count", """
                  - backfill:
                      table: public.items
                      set: {n: "n + CASE WHEN ok THEN 1 ELSE 1 / n END"}
                      batchSize: 4
                """);
        assertThat(f.apply().result.succeeded()).isFalse();
        assertThat(f.rows("SELECT processed_rows, status, \"cursor\" ->> 'sku' AS sku FROM _zanith_migration_checkpoints"))
                .containsExactly(Map.of("processed_rows", 32L, "status", "failed", "sku", "sku-032"));
        assertThat(f.value("SELECT count(*) FROM items WHERE n = 1")).isEqualTo(32L);

        db.execute("UPDATE items SET ok = true");
        assertThat(f.apply().result.succeeded()).isTrue();
        assertThat(f.rows("SELECT n, count(*) AS rows FROM items GROUP BY n"))
                .as("no row skipped, none updated twice").containsExactly(Map.of("n", 1, "rows", 50L));
        assertThat(f.value("SELECT processed_rows FROM _zanith_migration_checkpoints")).isEqualTo(50L);
    }

    @Test
    void batchSizesGrowTowardsTheTargetDurationAndEveryRowIsUpdatedOnce(TestDatabase db) {
        db.execute("""
                CREATE TABLE readings (id int PRIMARY KEY, raw int NOT NULL, scaled int, touched int NOT NULL DEFAULT 0);
                INSERT INTO readings (id, raw) SELECT g, g FROM generate_series(1, 1270) g;
                """);
        ApplyFixture f = new ApplyFixture(db, dir).migration("20260101000000_scale", """
                  - backfill:
                      table: public.readings
                      set: {scaled: raw * 2, touched: touched + 1}
                      where: scaled IS NULL
                """);
        // A target no batch of this size comes near: every batch doubles, 10, 20, 40, ... 640 rows (1,270 in 7).
        ApplyFixture.Recorder run = f.apply(f.config().backfillBatchSize(10)
                .backfillTargetBatchDuration(java.time.Duration.ofMinutes(1)).build(), ApplyGuard.ALLOW_ALL, StepHook.NONE);

        assertThat(run.result.succeeded()).as(run.events.toString()).isTrue();
        assertThat(run.progress).extracting(BackfillProgress::processedRows)
                .containsExactly(10L, 30L, 70L, 150L, 310L, 630L, 1270L, 1270L);
        assertThat(f.value("SELECT count(*) FROM readings WHERE touched = 1 AND scaled = raw * 2")).isEqualTo(1270L);
        assertThat(f.value("SELECT processed_rows FROM _zanith_migration_checkpoints")).isEqualTo(1270L);
    }

    @Test
    void batchSizesShrinkWhenBatchesTakeLongerThanTheTarget(TestDatabase db) {
        db.execute("""
                CREATE TABLE slow (id int PRIMARY KEY, v int, touched int NOT NULL DEFAULT 0);
                INSERT INTO slow (id) SELECT g FROM generate_series(1, 60) g;
                """);
        // Every row costs 2 ms (pg_sleep in the SET expression): a 1 ms target halves each batch down to the floor.
        ApplyFixture f = new ApplyFixture(db, dir).migration("20260101000000_slow", """
                  - backfill:
                      table: public.slow
                      set: {v: "id + (pg_sleep(0.002) IS NULL)::int", touched: touched + 1}
                      where: v IS NULL
                """);
        ApplyFixture.Recorder run = f.apply(f.config().backfillBatchSize(40)
                .backfillTargetBatchDuration(java.time.Duration.ofMillis(1)).build(), ApplyGuard.ALLOW_ALL, StepHook.NONE);

        assertThat(run.result.succeeded()).as(run.events.toString()).isTrue();
        assertThat(run.progress).extracting(BackfillProgress::processedRows).startsWith(40L, 60L, 60L);
        assertThat(f.value("SELECT count(*) FROM slow WHERE touched = 1 AND v = id")).isEqualTo(60L);
    }

    @Test
    void nextBatchSizeScalesTowardsTheTargetWithinBounds() {
        BackfillSettings settings = new BackfillSettings(1000, java.time.Duration.ZERO, java.time.Duration.ofMillis(100));
        long ms = 1_000_000L;
        assertThat(settings.nextBatchSize(1000, 50 * ms)).isEqualTo(2000);
        assertThat(settings.nextBatchSize(1000, 10 * ms)).as("at most doubled").isEqualTo(2000);
        assertThat(settings.nextBatchSize(1000, 125 * ms)).isEqualTo(800);
        assertThat(settings.nextBatchSize(1000, 900 * ms)).as("at most halved").isEqualTo(500);
        assertThat(settings.nextBatchSize(12, 900 * ms)).as("floor").isEqualTo(BackfillSettings.MIN_ADAPTIVE_BATCH);
        assertThat(settings.nextBatchSize(90_000, ms)).as("ceiling").isEqualTo(BackfillSettings.MAX_ADAPTIVE_BATCH);
        assertThat(BackfillSettings.defaults().adaptive()).isTrue();
        assertThat(new BackfillSettings(1000, java.time.Duration.ZERO).adaptive()).isFalse();
    }
}
