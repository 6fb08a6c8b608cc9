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
    private volatile MeterRegistry registry;
    private volatile Reading reading;
    private volatile long readAt;
    private final Map<String, Long> backfillRows = new ConcurrentHashMap<>();

    /** One reading of the audit tables: the migrations' status and the live artifacts. */
    private record Reading(Status.Report status, long liveArtifacts) {
    }

    public ZanithMetrics(Zanith zanith, ZanithRuntime runtime, MeterRegistry meterRegistry) {
        this.zanith = zanith;
        this.runtime = runtime;
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
            Reading r = m.reading();
            return plan == null || r == null || r.status().pending().isEmpty() ? 0 : plan.worstScore();
        }).description("Worst risk score among pending steps (0-100)").register(meterRegistry);
        Gauge.builder("zanith.artifacts.live", this, m -> {
            Reading r = m.reading();
            return r == null ? Double.NaN : r.liveArtifacts();
        })
                .description("Recovery artifacts that can still be restored").register(meterRegistry);
    }

    private void gauge(MeterRegistry meterRegistry, String name, String description, ToDoubleFunction<Status.Report> value) {
        Gauge.builder(name, this, m -> {
            Reading r = m.reading();
            return r == null ? Double.NaN : value.applyAsDouble(r.status());
        }).description(description).register(meterRegistry);
    }

    private Reading reading() {
        long now = System.nanoTime();
        if (reading == null || now - readAt > REFRESH.toNanos()) {
            try {
                long live = zanith.liveArtifacts();
                reading = new Reading(zanith.status(), live);
                readAt = now;
            } catch (RuntimeException e) {
                return reading; // keep the last good reading when the database is briefly unreachable
            }
        }
        return reading;
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
        readAt = 0; // read fresh numbers at the next scrape
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
