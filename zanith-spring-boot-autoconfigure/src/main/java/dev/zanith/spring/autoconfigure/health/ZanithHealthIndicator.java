package dev.zanith.spring.autoconfigure.health;

import dev.zanith.Zanith;
import dev.zanith.audit.StepRow;
import dev.zanith.command.Status;
import dev.zanith.plan.Plan;
import dev.zanith.spring.autoconfigure.ZanithProperties;
import dev.zanith.spring.autoconfigure.ZanithRuntime;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

import java.util.List;

/**
 * Health of the schema: DOWN when a step failed, OUT_OF_SERVICE when migrations that should have applied are
 * still pending (refused), UP otherwise — with pending count, worst pending risk and background progress.
 */
public class ZanithHealthIndicator extends AbstractHealthIndicator {

    private final Zanith zanith;
    private final ZanithRuntime runtime;
    private final ZanithProperties properties;

    public ZanithHealthIndicator(Zanith zanith, ZanithRuntime runtime, ZanithProperties properties) {
        super("Zanith health check failed");
        this.zanith = zanith;
        this.runtime = runtime;
        this.properties = properties;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Status.Report status = zanith.status();
        List<StepRow> failed = status.unfinished().stream().filter(s -> s.status().value().equals("failed")).toList();
        builder.withDetail("applied", status.applied().size()).withDetail("pending", status.pending().size());
        Plan plan = runtime == null ? null : runtime.lastPlan();
        if (plan != null && !status.pending().isEmpty()) {
            builder.withDetail("worstPendingRisk", plan.worstLevel().name().toLowerCase(java.util.Locale.ROOT) + " "
                    + plan.worstScore());
        }
        if (runtime != null) {
            builder.withDetail("state", runtime.state().name());
            if (runtime.backgroundRunning()) {
                builder.withDetail("background", runtime.progress());
            }
        }
        if (!failed.isEmpty()) {
            StepRow step = failed.get(0);
            builder.down().withDetail("failedStep", step.migrationId() + " #" + step.stepIndex() + " " + step.operationKind()
                    + ": " + step.error());
            return;
        }
        boolean shouldHaveApplied = properties.getMode() == ZanithProperties.Mode.APPLY && !status.pending().isEmpty()
                && (runtime == null || !runtime.backgroundRunning());
        if (shouldHaveApplied) {
            builder.outOfService().withDetail("reason", runtime != null && runtime.problem() != null
                    ? firstLine(runtime.problem()) : "pending migrations were not applied");
            return;
        }
        builder.up();
    }

    private static String firstLine(String text) {
        int refusal = text.indexOf("Refused by");
        String relevant = refusal >= 0 ? text.substring(refusal) : text;
        int newline = relevant.indexOf('\n');
        return newline < 0 ? relevant : relevant.substring(0, newline);
    }
}
