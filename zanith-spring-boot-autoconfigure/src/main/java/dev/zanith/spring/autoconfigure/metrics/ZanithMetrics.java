package dev.zanith.spring.autoconfigure.metrics;

import dev.zanith.Zanith;
import dev.zanith.apply.ApplyListener;
import dev.zanith.apply.BackfillProgress;
import dev.zanith.command.Status;
import dev.zanith.migration.Migration;
import dev.zanith.ops.Operation;
import dev.zanith.ops.OperationKind;
import dev.zanith.plan.Plan;
import dev.zanith.spring.autoconfigure.ZanithRuntime;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;

/**
 * Zanith's meters: {@code zanith.step.duration} (tags kind, status), gauges {@code zanith.migrations.applied},
 * {@code zanith.migrations.pending}, {@code zanith.migrations.refused}, {@code zanith.steps.failed},
 * {@code zanith.risk.pending.worst}, {@code zanith.artifacts.live}, {@code zanith.artifacts.next.expiry} (seconds),
 * {@code zanith.backfill.active}, and the counter {@code zanith.backfill.rows} (tag table; its rate is a backfill's
 * rows per second). Gauges that read the audit tables read a status that is refreshed at most every 30 seconds, so
 * scraping never hammers the database. Registered when created, so the steps that run at startup are counted too.
 * grafana/ in the repository holds a dashboard and alert rules built on these names.
 */
public class ZanithMetrics implements ApplyListener {

    private static final Duration REFRESH = Duration.ofSeconds(30);

    private final Zanith zanith;
    private final ZanithRuntime runtime;
    private volatile MeterRegistry registry;
    private volatile Reading reading;
    private volatile long readAt;
    private final Map<String, Long> backfillRows = new ConcurrentHashMap<>();
    /** Backfill steps running in this application now, as "migration id#step index". */
    private final Set<String> activeBackfills = ConcurrentHashMap.newKeySet();

    /** One reading of the audit tables: the migrations' status and the live artifacts (count, first expiry or null). */
    private record Reading(Status.Report status, long liveArtifacts, Instant nextArtifactExpiry) {
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
        // Only zanith.on-refusal=warn keeps an application running after a refusal (fail stops startup), so a value
        // above zero is a deferred migration someone has to look at.
        gauge(meterRegistry, "zanith.migrations.refused",
                "Pending migrations the gates refused while the application carried on (zanith.on-refusal=warn)",
                s -> runtime != null && runtime.state() == ZanithRuntime.State.REFUSED ? s.pending().size() : 0);
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
        Gauge.builder("zanith.artifacts.next.expiry", this, m -> {
            Reading r = m.reading();
            return r == null || r.nextArtifactExpiry() == null ? Double.NaN
                    : Duration.between(Instant.now(), r.nextArtifactExpiry()).toMillis() / 1000.0;
        }).baseUnit("seconds")
                .description("Time until the first live recovery artifact expires and cleanup may purge it (negative: "
                        + "expired, not purged yet; NaN: none expires)").register(meterRegistry);
        Gauge.builder("zanith.backfill.active", activeBackfills, Set::size)
                .description("Backfill steps running in this application").register(meterRegistry);
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
                Instant expiry = zanith.nextArtifactExpiry().orElse(null);
                reading = new Reading(zanith.status(), live, expiry);
                readAt = now;
            } catch (RuntimeException e) {
                return reading; // keep the last good reading when the database is briefly unreachable
            }
        }
        return reading;
    }

    @Override
    public void stepStarted(Migration migration, int stepIndex, Operation operation) {
        if (operation.kind() == OperationKind.BACKFILL) {
            activeBackfills.add(step(migration, stepIndex));
        }
    }

    @Override
    public void stepDone(Migration migration, int stepIndex, Operation operation, long durationMs) {
        activeBackfills.remove(step(migration, stepIndex));
        record(operation, "done", durationMs);
    }

    @Override
    public void stepFailed(Migration migration, int stepIndex, Operation operation, String error) {
        activeBackfills.remove(step(migration, stepIndex));
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
        String key = step(migration, stepIndex);
        long before = backfillRows.getOrDefault(key, 0L);
        long delta = progress.processedRows() - before;
        if (delta > 0) {
            Counter.builder("zanith.backfill.rows").description("Rows updated by backfills")
                    .tag("table", progress.table().toString()).register(r).increment(delta);
            backfillRows.put(key, progress.processedRows());
        }
    }

    /** "migration id#step index": one step of one migration. */
    private static String step(Migration migration, int stepIndex) {
        return migration.id() + "#" + stepIndex;
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
