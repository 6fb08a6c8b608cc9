package dev.zanith.spring.autoconfigure.metrics;

import dev.zanith.api.output.StatusSummary;
import dev.zanith.Zanith;
import dev.zanith.api.ApplyListener;
import dev.zanith.api.output.BackfillProgress;
import dev.zanith.api.migration.Migration;
import dev.zanith.api.ops.Operation;
import dev.zanith.api.ops.OperationKind;
import dev.zanith.api.output.Plan;
import dev.zanith.spring.autoconfigure.ZanithRuntime;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;

/**
 * Zanith's meters: {@code zanith.step.duration} (tags kind, status), gauges {@code zanith.migrations.applied}
 * (restores left out), {@code zanith.migrations.pending}, {@code zanith.migrations.refused},
 * {@code zanith.steps.failed}, {@code zanith.risk.pending.worst}, {@code zanith.artifacts.live},
 * {@code zanith.artifacts.next.expiry} (seconds), {@code zanith.backfill.active}, and the counter
 * {@code zanith.backfill.rows} (tag table; its rate is a backfill's rows per second). grafana/ in the repository
 * holds a dashboard and alert rules built on these names.
 * Gauges read one {@link Zanith#statusSummary() summary}, kept for up to 30 seconds so that scraping never hammers
 * the database, and read again at once after this application changed something (an apply from startup, the
 * background or the endpoint; a restore; a purge). Registered when created, so the steps that run at startup are
 * timed too.
 */
public class ZanithMetrics implements ApplyListener {

    private static final Duration REFRESH = Duration.ofSeconds(30);

    public static final String STEP_DURATION = "zanith.step.duration";
    public static final String MIGRATIONS_APPLIED = "zanith.migrations.applied";
    public static final String MIGRATIONS_PENDING = "zanith.migrations.pending";
    public static final String MIGRATIONS_REFUSED = "zanith.migrations.refused";
    public static final String STEPS_FAILED = "zanith.steps.failed";
    public static final String RISK_PENDING_WORST = "zanith.risk.pending.worst";
    public static final String ARTIFACTS_LIVE = "zanith.artifacts.live";
    public static final String ARTIFACTS_NEXT_EXPIRY = "zanith.artifacts.next.expiry";
    public static final String BACKFILL_ACTIVE = "zanith.backfill.active";
    public static final String BACKFILL_ROWS = "zanith.backfill.rows";

    /** The name of every meter this class registers. */
    public static final List<String> METER_NAMES = List.of(STEP_DURATION, MIGRATIONS_APPLIED, MIGRATIONS_PENDING, MIGRATIONS_REFUSED, STEPS_FAILED, RISK_PENDING_WORST, ARTIFACTS_LIVE,
            ARTIFACTS_NEXT_EXPIRY, BACKFILL_ACTIVE, BACKFILL_ROWS);

    private final Zanith zanith;
    private final ZanithRuntime runtime;
    private volatile MeterRegistry registry;
    private volatile Reading reading;
    private final Map<String, Long> backfillRows = new ConcurrentHashMap<>();
    /** Backfill steps running in this application now, as "migration id#step index". */
    private final Set<String> activeBackfills = ConcurrentHashMap.newKeySet();

    /**
     * One reading of the audit tables (the summary, the live artifacts' count and first expiry or null), when it was
     * taken and the runtime's change count then.
     */
    private record Reading(StatusSummary status, long liveArtifacts, Instant nextArtifactExpiry, long readAt,
                           long changes) {
    }

    public ZanithMetrics(Zanith zanith, ZanithRuntime runtime, MeterRegistry meterRegistry) {
        this.zanith = zanith;
        this.runtime = runtime;
        register(meterRegistry);
    }

    private void register(MeterRegistry meterRegistry) {
        this.registry = meterRegistry;
        gauge(meterRegistry, MIGRATIONS_APPLIED, "Applied migrations (restores left out)", StatusSummary::applied);
        gauge(meterRegistry, MIGRATIONS_PENDING, "Pending migrations",
                s -> s.pending() == null ? 0 : s.pending().size());
        // Only zanith.on-refusal=warn keeps an application running after a refusal (fail stops startup), so a value
        // above zero is a deferred migration someone has to look at.
        gauge(meterRegistry, MIGRATIONS_REFUSED,
                "Pending migrations the gates refused while the application carried on (zanith.on-refusal=warn)",
                s -> runtime != null && runtime.state() == ZanithRuntime.State.REFUSED && s.pending() != null
                        ? s.pending().size() : 0);
        gauge(meterRegistry, STEPS_FAILED, "Failed steps of migrations that are not applied",
                s -> s.failedSteps().size());
        Gauge.builder(RISK_PENDING_WORST, this, m -> {
            Plan plan = runtime == null ? null : runtime.lastPlan();
            Reading r = m.reading();
            return plan == null || r == null || r.status().pending() == null || r.status().pending().isEmpty()
                    ? 0 : plan.worstScore();
        }).description("Worst risk score among pending steps (0-100)").register(meterRegistry);
        Gauge.builder(ARTIFACTS_LIVE, this, m -> {
            Reading r = m.reading();
            return r == null ? Double.NaN : r.liveArtifacts();
        })
                .description("Recovery artifacts that can still be restored").register(meterRegistry);
        Gauge.builder(ARTIFACTS_NEXT_EXPIRY, this, m -> {
            Reading r = m.reading();
            return r == null || r.nextArtifactExpiry() == null ? Double.NaN
                    : Duration.between(Instant.now(), r.nextArtifactExpiry()).toMillis() / 1000.0;
        }).baseUnit("seconds")
                .description("Time until the first live recovery artifact expires and cleanup may purge it (negative: "
                        + "expired, not purged yet; NaN: none expires)").register(meterRegistry);
        Gauge.builder(BACKFILL_ACTIVE, activeBackfills, Set::size)
                .description("Backfill steps running in this application").register(meterRegistry);
    }

    private void gauge(MeterRegistry meterRegistry, String name, String description, ToDoubleFunction<StatusSummary> value) {
        Gauge.builder(name, this, m -> {
            Reading r = m.reading();
            return r == null ? Double.NaN : value.applyAsDouble(r.status());
        }).description(description).register(meterRegistry);
    }

    private Reading reading() {
        long now = System.nanoTime();
        long changes = runtime == null ? 0 : runtime.changes();
        Reading last = reading;
        if (last == null || now - last.readAt() > REFRESH.toNanos() || last.changes() != changes) {
            try {
                StatusSummary status = zanith.statusSummary();
                reading = new Reading(status, zanith.liveArtifacts(), zanith.nextArtifactExpiry().orElse(null), now,
                        changes);
            } catch (RuntimeException e) {
                return last; // keep the last good reading when the database is briefly unreachable
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
    public void backfillProgress(Migration migration, int stepIndex, BackfillProgress progress) {
        MeterRegistry r = registry;
        if (r == null) {
            return;
        }
        String key = step(migration, stepIndex);
        long before = backfillRows.getOrDefault(key, 0L);
        long delta = progress.processedRows() - before;
        if (delta > 0) {
            Counter.builder(BACKFILL_ROWS).description("Rows updated by backfills")
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
            Timer.builder(STEP_DURATION).description("Duration of migration steps")
                    .tag("kind", operation.kind().id()).tag("status", status).register(r)
                    .record(Duration.ofMillis(durationMs));
        }
    }
}
