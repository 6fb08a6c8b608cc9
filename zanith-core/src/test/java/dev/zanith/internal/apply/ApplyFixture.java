package dev.zanith.internal.apply;

import dev.zanith.TestSettings;
import dev.zanith.api.ApplyListener;
import dev.zanith.api.output.ApplyResult;
import dev.zanith.api.output.BackfillProgress;
import dev.zanith.api.output.LockHolder;
import dev.zanith.api.output.StepRisk;
import dev.zanith.internal.step.StepHook;
import dev.zanith.ZanithConfig;
import dev.zanith.api.output.StepStatus;
import dev.zanith.internal.command.Apply;
import dev.zanith.api.migration.DirectoryMigrationSource;
import dev.zanith.api.migration.Migration;
import dev.zanith.api.ops.Operation;
import dev.zanith.testsupport.TestDatabase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** Migration files in a directory, a configuration for a test database, and a recording listener. */
final class ApplyFixture {

    /** A guard that classifies every step as the risk branch would: level, score, reasons. */
    static final ApplyGuard RISKY = (connection, pending) -> {
        Map<GuardDecision.StepKey, StepRisk> risks = new java.util.HashMap<>();
        pending.forEach(m -> {
            for (int i = 1; i <= m.operations().size(); i++) {
                risks.put(new GuardDecision.StepKey(m.id(), i), new StepRisk(i % 2 == 0 ? "medium" : "low", 10 * i,
                        List.of("reason_" + m.operations().get(i - 1).kind().id())));
            }
        });
        return GuardDecision.go(risks);
    };

    final TestDatabase db;
    final Path dir;

    ApplyFixture(TestDatabase db, Path dir) {
        this.db = db;
        this.dir = dir;
    }

    /** Writes {@code <id>.yaml} with the given operations block (YAML list items, indented by two). */
    ApplyFixture migration(String id, String operations) {
        try {
            Files.writeString(dir.resolve(id + ".yaml"), "id: " + id + "\noperations:\n" + operations.stripIndent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    ZanithConfig.Builder config() {
        return ZanithConfig.builder().url(db.jdbcUrl()).migrations(new DirectoryMigrationSource(dir))
                .lockRetryBackoff(Duration.ofMillis(20)).lockRetryMaxBackoff(Duration.ofMillis(200));
    }

    Recorder apply() {
        return apply(config().build(), ApplyGuard.ALLOW_ALL, StepHook.NONE);
    }

    Recorder apply(ZanithConfig config, ApplyGuard guard, StepHook hook) {
        Recorder recorder = new Recorder();
        recorder.result = new Apply(TestSettings.of(config), recorder, guard, hook).run();
        return recorder;
    }

    /** Every row of a query, as ordered maps of column to value. */
    List<Map<String, Object>> rows(String sql) {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<Map<String, Object>> rows = new ArrayList<>();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    Object value = rs.getObject(i);
                    if (value instanceof java.sql.Array array) {
                        value = List.of((Object[]) array.getArray());
                    }
                    row.put(rs.getMetaData().getColumnLabel(i), value);
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    Object value(String sql) {
        List<Map<String, Object>> rows = rows(sql);
        return rows.isEmpty() ? null : rows.get(0).values().iterator().next();
    }

    /** Step statuses of a migration, in order. */
    List<String> statuses(String migrationId) {
        return rows("SELECT status FROM _zanith_migration_steps WHERE migration_id = '" + migrationId
                + "' ORDER BY step_index").stream().map(r -> (String) r.get("status")).toList();
    }

    /** Records what the listener heard, as short strings: "skipped 1", "done 2", "retry 3", ... */
    static final class Recorder implements ApplyListener {
        final List<String> events = new CopyOnWriteArrayList<>();
        final List<BackfillProgress> progress = new CopyOnWriteArrayList<>();
        volatile ApplyResult result;

        @Override
        public void lockWaiting(LockHolder holder, Duration wait) {
            events.add("waiting " + holder.pid());
        }

        @Override
        public void refused(String message) {
            events.add("refused");
        }

        @Override
        public void snapshotTaken(Migration migration, dev.zanith.api.output.SnapshotPhase phase,
                                  dev.zanith.api.schema.SchemaGraph graph) {
            events.add("snapshot " + phase.value() + " " + graph.tables().size());
        }

        @Override
        public void stepSkipped(Migration migration, int stepIndex, Operation operation) {
            events.add("skipped " + stepIndex);
        }

        @Override
        public void stepRetrying(Migration migration, int stepIndex, Operation operation, int failedAttempt,
                                 int maxAttempts, Duration delay, String error) {
            events.add("retry " + stepIndex);
        }

        @Override
        public void backfillProgress(Migration migration, int stepIndex, BackfillProgress p) {
            progress.add(p);
        }

        @Override
        public void stepDone(Migration migration, int stepIndex, Operation operation, long durationMs) {
            events.add("done " + stepIndex);
        }

        @Override
        public void stepFailed(Migration migration, int stepIndex, Operation operation, String error) {
            events.add("failed " + stepIndex);
        }

        @Override
        public void migrationApplied(Migration migration, long durationMs) {
            events.add("applied " + migration.id());
        }

        long count(String prefix) {
            return events.stream().filter(e -> e.startsWith(prefix)).count();
        }
    }

    static StepStatus status(String value) {
        return StepStatus.of(value);
    }
}
