package dev.zanith.maven;

import dev.zanith.Zanith;
import dev.zanith.ZanithConfig;
import dev.zanith.api.output.ApplyResult;
import dev.zanith.api.output.PlanJson;
import dev.zanith.api.output.VerifyOutcome;
import dev.zanith.api.output.VerifyResult;
import dev.zanith.api.output.text.ApplyText;
import dev.zanith.api.output.text.VerifyText;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.time.Duration;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

/**
 * {@code zanith:apply}: apply the pending migrations, one audited step at a time, under an advisory lock, within the
 * same gates as {@code zanith:plan}; resumes at the first step that is not done. A refused apply changes nothing and
 * fails the build with the refusal; a failed step fails it with the migration, file and PostgreSQL's error.
 */
@Mojo(name = "apply", threadSafe = true)
public final class ApplyMojo extends AbstractGatedMojo {

    /** How long to wait for another apply on the same target to finish (0: do not wait). Default: 10m. */
    @Parameter(property = "zanith.lock-wait")
    String lockWait;

    /** How long a step may wait for a table lock before it gives up and retries. Default: 2s. */
    @Parameter(property = "zanith.lock-timeout")
    String lockTimeout;

    /** Limit for ordinary statements, raw SQL included (0: none). Default: 1m. */
    @Parameter(property = "zanith.statement-timeout")
    String statementTimeout;

    /** Limit for index builds, validation, rewrites and backfill batches (0: none). Default: 6h. */
    @Parameter(property = "zanith.long-statement-timeout")
    String longStatementTimeout;

    /** Attempts in all for a step that hits the lock timeout (1: no retry). Default: 10. */
    @Parameter(property = "zanith.lock-attempts")
    Integer lockAttempts;

    /** Delay after the first lock timeout; doubles per attempt, with jitter. Default: 500ms. */
    @Parameter(property = "zanith.lock-retry-backoff")
    String lockRetryBackoff;

    /** Rows per backfill batch unless the operation sets batchSize. Default: batches adapt from 1000 rows. */
    @Parameter(property = "zanith.backfill-batch-size")
    Integer backfillBatchSize;

    /** How long one backfill batch should take; batch sizes adapt after every batch (0: fixed). Default: 100ms. */
    @Parameter(property = "zanith.backfill-target-batch-duration")
    String backfillTargetBatchDuration;

    /** Pause between backfill batches. Default: none. */
    @Parameter(property = "zanith.backfill-pause")
    String backfillPause;

    /** How long recovery artifacts of destructive steps are kept (0: forever). Default: 30d. */
    @Parameter(property = "zanith.artifact-retention")
    String artifactRetention;

    /** Refuse unless the live schema still has this fingerprint (from a reviewed plan). */
    @Parameter(property = "zanith.expect-fingerprint")
    String expectFingerprint;

    /** A plan saved with {@code zanith:plan -Dzanith.format=json}: refuse if the live schema changed since. */
    @Parameter(property = "zanith.plan")
    File plan;

    /** Rehearse on a shadow first; apply only if VERIFIED. */
    @Parameter(property = "zanith.verify", defaultValue = "false")
    boolean verify;

    /** With {@code verify}: compare with this declared schema (.sql, .json, .yaml). */
    @Parameter(property = "zanith.declared")
    File declared;

    @Override
    void run(MavenOutput out) throws MojoExecutionException, MojoFailureException {
        ZanithConfig.Builder builder = gatedConfigBuilder();
        set(duration(lockWait, "lockWait"), builder::lockWait);
        set(duration(lockTimeout, "lockTimeout"), builder::lockTimeout);
        set(duration(statementTimeout, "statementTimeout"), builder::statementTimeout);
        set(duration(longStatementTimeout, "longStatementTimeout"), builder::longStatementTimeout);
        set(lockAttempts, builder::lockRetryAttempts);
        set(duration(lockRetryBackoff, "lockRetryBackoff"), builder::lockRetryBackoff);
        set(backfillBatchSize, builder::backfillBatchSize);
        set(duration(backfillTargetBatchDuration, "backfillTargetBatchDuration"), builder::backfillTargetBatchDuration);
        set(duration(backfillPause, "backfillPause"), builder::backfillPause);
        set(duration(artifactRetention, "artifactRetention"), builder::artifactRetention);
        ZanithConfig config = builder.build();
        if (verify) {
            VerifyResult rehearsal = new Zanith(config).verify(declared == null ? null : declared.toPath(),
                    shadowProvider(config));
            out.println(VerifyText.verdictLine(rehearsal, out));
            if (rehearsal.verdict() != VerifyOutcome.VERIFIED && rehearsal.verdict() != VerifyOutcome.NOTHING_PENDING) {
                out.print(VerifyText.text(rehearsal, out));
                throw new MojoFailureException(ApplyText.verifyRefused(rehearsal));
            }
        }
        String fingerprint = expectFingerprint != null ? expectFingerprint : plan != null ? PlanJson.fingerprint(plan.toPath(), "<plan>") : null;
        ApplyResult result = new Zanith(config).applyExpectingPlan(new ApplyText(out), fingerprint);
        if (result.refused()) {
            throw new MojoFailureException(ApplyText.refused(result));
        }
        if (!result.succeeded()) {
            throw new MojoExecutionException(ApplyText.stopped(result, config.loadMigrations()));
        }
        out.println(ApplyText.done(result, config.emptySourceNote().orElse(null)));
    }

    private static <T> void set(@Nullable T value, Consumer<T> setter) {
        if (value != null) {
            setter.accept(value);
        }
    }
}
