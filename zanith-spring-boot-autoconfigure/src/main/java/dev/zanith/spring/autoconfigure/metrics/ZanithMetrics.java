package dev.zanith.spring.autoconfigure.metrics;

import dev.zanith.Zanith;
import dev.zanith.apply.ApplyListener;
import dev.zanith.apply.BackfillProgress;
import dev.zanith.command.Status;
import dev.zanith.migration.Migration;
import dev.zanith.ops.Operation;
import dev.zanith.plan.Plan;
import dev.zanith.spring.autoconfigure.ZanithRuntime;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;

/**
 * Zanith's meters: {@code zanith.step.duration} (tags kind, status), gauges {@code zanith.migrations.applied},
 * {@code zanith.migrations.pending}, {@code zanith.steps.failed}, {@code zanith.risk.pending.worst},
 * {@code zanith.artifacts.live}, and the counter {@code zanith.backfill.rows}. Gauges read a status that is
 * refreshed at most every 30 seconds, so scraping never hammers the database. Registered when created, so the
 * steps that run at startup are timed too.
 */
public class ZanithMetrics implements ApplyListener {

    private static final Duration REFRESH = Duration.ofSeconds(30);

    private final Zanith zanith;
    private final ZanithRuntime runtime;
    private final ArtifactCounter artifacts;
    private volatile MeterRegistry registry;
    private volatile Status.Report status;
    private volatile long statusReadAt;
    private final Map<String, Long> backfillRows = new ConcurrentHashMap<>();

    /** Counts live recovery artifacts. */
    @FunctionalInterface
    public interface ArtifactCounter {
        long live();
    }

    public ZanithMetrics(Zanith zanith, ZanithRuntime runtime, ArtifactCounter artifacts, MeterRegistry meterRegistry) {
        this.zanith = zanith;
        this.runtime = runtime;
        this.artifacts = artifacts;
        register(meterRegistry);
    }

    private void register(MeterRegistry meterRegistry) {
        this.registry = meterRegistry;
        gauge(meterRegistry, "zanith.migrations.applied", "Applied migrations", s -> s.applied().size());
        gauge(meterRegistry, "zanith.migrations.pending", "Pending migrations", s -> s.pending().size());
        gauge(meterRegistry, "zanith.steps.failed", "Steps whose last attempt failed",
                s -> s.unfinished().stream().filter(r -> r.status().value().equals("failed")).count());
        Gauge.builder("zanith.risk.pending.worst", this, m -> {
            Plan plan = runtime == null ? null : runtime.lastPlan();
            Status.Report s = m.status();
            return plan == null || s == null || s.pending().isEmpty() ? 0 : plan.worstScore();
        }).description("Worst risk score among pending steps (0-100)").register(meterRegistry);
        Gauge.builder("zanith.artifacts.live", this, m -> m.artifacts.live())
                .description("Recovery artifacts that can still be restored").register(meterRegistry);
    }

    private void gauge(MeterRegistry meterRegistry, String name, String description, ToDoubleFunction<Status.Report> value) {
        Gauge.builder(name, this, m -> {
            Status.Report s = m.status();
            return s == null ? Double.NaN : value.applyAsDouble(s);
        }).description(description).register(meterRegistry);
    }

    private Status.Report status() {
        long now = System.nanoTime();
        if (status == null || now - statusReadAt > REFRESH.toNanos()) {
            try {
                status = zanith.status();
                statusReadAt = now;
            } catch (RuntimeException e) {
                return status; // keep the last good reading when the database is briefly unreachable
            }
        }
        return status;
    }

    @Override
    public void stepDone(Migration migration, int stepIndex, Operation operation, long durationMs) {
        record(operation, "done", durationMs);
    }

    @Override
    public void stepFailed(Migration migration, int stepIndex, Operation operation, String error) {
        record(operation, "failed", 0);
    }

    @Override
    public void migrationApplied(Migration migration, long durationMs) {
        statusReadAt = 0; // read fresh numbers at the next scrape
    }

    @Override
    public void backfillProgress(Migration migration, int stepIndex, BackfillProgress progress) {
        MeterRegistry r = registry;
        if (r == null) {
            return;
        }
        String key = migration.id() + "#" + stepIndex;
        long before = backfillRows.getOrDefault(key, 0L);
        long delta = progress.processedRows() - before;
        if (delta > 0) {
            Counter.builder("zanith.backfill.rows").description("Rows updated by backfills")
                    .tag("table", progress.table().toString()).register(r).increment(delta);
            backfillRows.put(key, progress.processedRows());
        }
    }

    private void record(Operation operation, String status, long durationMs) {
        MeterRegistry r = registry;
        if (r != null) {
            Timer.builder("zanith.step.duration").description("Duration of migration steps")
                    .tag("kind", operation.kind().id()).tag("status", status).register(r)
                    .record(Duration.ofMillis(durationMs));
        }
    }
}
