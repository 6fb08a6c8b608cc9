package dev.zanith.maven;

import dev.zanith.Zanith;
import dev.zanith.ZanithConfig;
import dev.zanith.api.exception.ZanithConfigException;
import dev.zanith.api.ops.RawSql;
import dev.zanith.api.output.Plan;
import dev.zanith.api.output.PlanJson;
import dev.zanith.api.output.PlanMarkdown;
import dev.zanith.api.output.RawSqlObservation;
import dev.zanith.api.output.Refusal;
import dev.zanith.api.output.text.PlanText;
import dev.zanith.api.output.text.TextOutput;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * {@code zanith:plan}: classify every pending step, run the preflight data checks and apply the gates — read-only,
 * nothing in the database changes. Prints what {@code zanith plan} prints, and fails the build when a gate refuses
 * the plan (the CI gate inside Maven), with the gate's reason and fix as the failure message.
 */
@Mojo(name = "plan", threadSafe = true)
public final class PlanMojo extends AbstractGatedMojo {

    /** text (for people), json (stable, for CI: docs/PLAN-JSON.md) or markdown (a pull-request comment). */
    @Parameter(property = "zanith.format", defaultValue = "text")
    String format;

    /** Also write the plan in {@code format} to this file (a CI artifact, a pull-request comment). */
    @Parameter(property = "zanith.output-file")
    File outputFile;

    /** Rehearse raw SQL steps on a shadow and report what they amount to: operation kinds, locks, rewrites. */
    @Parameter(property = "zanith.observe", defaultValue = "false")
    boolean observe;

    /** Statement timeout of each preflight query, e.g. 30s, 500ms, 2m. Default: 30s. */
    @Parameter(property = "zanith.preflight-timeout")
    String preflightTimeout;

    @Override
    void run(MavenOutput out) throws MojoExecutionException, MojoFailureException {
        String form = format == null ? "text" : format.trim().toLowerCase(Locale.ROOT);
        if (!List.of("text", "json", "markdown").contains(form)) {
            throw new ZanithConfigException("<format> " + format + " is not one of text, json, markdown.");
        }
        ZanithConfig.Builder builder = gatedConfigBuilder();
        Duration timeout = duration(preflightTimeout, "preflightTimeout");
        if (timeout != null) {
            builder.preflightTimeout(timeout);
        }
        ZanithConfig config = builder.build();
        Plan plan = new Zanith(config).plan();
        List<RawSqlObservation> observed = observe && plan.toRun().stream().anyMatch(s -> s.operation() instanceof RawSql)
                ? PlanText.observed(new Zanith(config).verify(null, shadowProvider(config)), out) : List.of();
        String document = switch (form) {
            case "json" -> PlanJson.toJson(plan, observed);
            case "markdown" -> PlanMarkdown.render(plan);
            default -> null;
        };
        if (document == null) {
            PlanText.print(plan, config.emptySourceNote().orElse(null), observed, out);
        } else {
            out.print(document);
        }
        if (outputFile != null) {
            write(outputFile, document != null ? document : textOf(plan, config, observed));
        }
        Refusal refusal = plan.refusal();
        if (refusal != null) {
            throw new MojoFailureException(PlanText.refusalLine(refusal));
        }
    }

    private String textOf(Plan plan, ZanithConfig config, List<RawSqlObservation> observed) {
        StringBuilder text = new StringBuilder();
        PlanText.print(plan, config.emptySourceNote().orElse(null), observed, TextOutput.into(text));
        return text.toString();
    }
}
