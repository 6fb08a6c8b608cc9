package dev.zanith.spring.autoconfigure.health;

import dev.zanith.api.output.StatusSummary;
import dev.zanith.Zanith;
import dev.zanith.api.output.StepRow;
import dev.zanith.api.output.Plan;
import dev.zanith.spring.autoconfigure.StarterMessages;
import dev.zanith.spring.autoconfigure.ZanithProperties;
import dev.zanith.spring.autoconfigure.ZanithRuntime;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

import java.util.Locale;

/**
 * Health of the schema, decided from the audit tables at a cost that does not grow with the history (see
 * {@link Zanith#statusSummary()}: the parsed migration files are memoized, the database answers a few indexed
 * queries):
 * <ul>
 * <li>{@code DOWN} when a migration stopped at a failed step: the schema is between two versions until it is
 * fixed and applied again.</li>
 * <li>{@code OUT_OF_SERVICE} when {@code zanith.mode=apply} with {@code zanith.on-refusal=fail} and migrations are
 * still pending (not while they continue in the background): the operator asked for an application that only
 * runs on a fully migrated schema.</li>
 * <li>{@code UP} otherwise — including {@code on-refusal=warn}, where the operator chose to run with the refused
 * migrations deferred (the refusal is in the details, {@code state} is {@code REFUSED}), and {@code plan-only}
 * mode, where a pipeline applies.</li>
 * </ul>
 * Details: {@code state}, {@code applied} (migrations), {@code restores}, {@code pending}, {@code worstPendingRisk},
 * {@code refusal} or {@code failedStep}, and the progress of background work.
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
        StatusSummary status = zanith.statusSummary();
        int pending = status.pending() == null ? 0 : status.pending().size();
        builder.withDetail("state", runtime.state().name()).withDetail("applied", status.applied())
                .withDetail("restores", status.restores()).withDetail("pending", pending);
        Plan plan = runtime.lastPlan();
        if (plan != null && pending > 0 && !plan.toRun().isEmpty()) {
            builder.withDetail("worstPendingRisk", plan.worstLevel().name().toLowerCase(Locale.ROOT) + " "
                    + plan.worstScore());
        }
        if (runtime.backgroundRunning()) {
            builder.withDetail("background", runtime.progress());
        }
        if (!status.failedSteps().isEmpty()) {
            StepRow step = status.failedSteps().get(0);
            builder.down().withDetail("failedStep", step.migrationId() + " #" + step.stepIndex() + " "
                    + step.operationKind() + (step.sqlState() == null ? "" : " [SQLSTATE " + step.sqlState() + "]")
                    + ": " + step.error());
            return;
        }
        if (runtime.state() == ZanithRuntime.State.REFUSED && runtime.problem() != null) {
            builder.withDetail("refusal", firstLine(runtime.problem()));
        }
        boolean mustBeMigrated = properties.getMode() == ZanithProperties.Mode.APPLY
                && properties.getOnRefusal() == ZanithProperties.OnRefusal.FAIL;
        if (mustBeMigrated && pending > 0 && !runtime.backgroundRunning()) {
            builder.outOfService().withDetail("reason", runtime.problem() != null ? firstLine(runtime.problem())
                    : pending + " migration(s) pending that zanith.mode=apply with zanith.on-refusal=fail requires applied");
            return;
        }
        builder.up();
    }

    private static String firstLine(String text) {
        int refusal = text.indexOf("Refused by");
        String relevant = StarterMessages.forStarter(refusal >= 0 ? text.substring(refusal) : text);
        int newline = relevant.indexOf('\n');
        return newline < 0 ? relevant : relevant.substring(0, newline);
    }
}
