package dev.zanith;

import dev.zanith.api.output.SnapshotComparison;
import dev.zanith.api.output.RepairResult;
import dev.zanith.api.output.GenerateResult;
import dev.zanith.api.GenerateRequest;
import dev.zanith.api.output.StatusSummary;
import dev.zanith.api.output.StatusReport;
import dev.zanith.api.output.HistoryEntry;
import dev.zanith.api.exception.ZanithConfigException;
import dev.zanith.api.exception.ZanithException;
import dev.zanith.internal.apply.ApplyGuard;
import dev.zanith.api.ApplyListener;
import dev.zanith.api.output.ApplyResult;
import dev.zanith.internal.step.StepHook;
import dev.zanith.internal.command.Apply;
import dev.zanith.internal.command.Generate;
import dev.zanith.internal.command.History;
import dev.zanith.internal.command.PlanGuard;
import dev.zanith.internal.command.Repair;
import dev.zanith.internal.command.SchemaSources;
import dev.zanith.internal.command.Status;
import dev.zanith.api.DiffOptions;
import dev.zanith.api.output.DiffResult;
import dev.zanith.internal.diff.Differ;
import dev.zanith.internal.jdbc.ConnectionSource;
import dev.zanith.internal.jdbc.JdbcUrls;
import dev.zanith.internal.introspect.IntrospectionOptions;
import dev.zanith.internal.introspect.Introspector;
import dev.zanith.api.migration.Migration;
import dev.zanith.api.output.Gates;
import dev.zanith.api.output.Plan;
import dev.zanith.internal.plan.Planner;
import dev.zanith.api.output.Artifact;
import dev.zanith.api.output.ArtifactFilter;
import dev.zanith.api.output.CleanupResult;
import dev.zanith.api.output.ExportFormat;
import dev.zanith.api.output.ExportResult;
import dev.zanith.api.output.Inspection;
import dev.zanith.api.output.PurgeResult;
import dev.zanith.internal.recover.Recovery;
import dev.zanith.api.output.RestoreResult;
import dev.zanith.api.schema.LiveSchema;
import dev.zanith.api.schema.SchemaGraph;
import dev.zanith.api.ShadowProvider;
import dev.zanith.internal.shadow.ShadowProviders;
import dev.zanith.internal.shadow.ShadowSource;
import org.jspecify.annotations.Nullable;

import java.io.OutputStream;
import java.io.Writer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The entry point: one immutable configuration, one method per command. Used by the CLI and by the Spring
 * Boot starter.
 */
public final class Zanith {

    private final ZanithConfig config;

    public Zanith(ZanithConfig config) {
        this.config = config;
    }

    public ZanithConfig config() {
        return config;
    }

    /** Reads the live database into a schema graph. */
    public LiveSchema inspect() {
        try (Connection c = config.settings().connectionSource().open()) {
            return new Introspector(config.settings().introspectionOptions()).introspect(c);
        } catch (SQLException e) {
            throw new ZanithException("Introspection of " + config.settings().connectionSource().describeTarget()
                    + " failed: " + ConnectionSource.message(e), e);
        }
    }

    /**
     * Plans the pending migrations: classifies every step, runs the preflight data checks and applies the gates,
     * in one read-only transaction. Nothing in the database changes, not even the audit tables.
     */
    public Plan plan() {
        if (config.migrations() == null) {
            throw new ZanithConfigException("No migrations to plan: pass --migrations DIR (or configure a migration "
                    + "location).");
        }
        List<Migration> files = config.loadMigrations();
        try (Connection c = config.settings().connectionSource().open()) {
            return config.settings().planner().plan(c, files);
        } catch (SQLException e) {
            throw new ZanithException("Planning against " + config.settings().connectionSource().describeTarget() + " failed: "
                    + ConnectionSource.message(e), e);
        }
    }

    /**
     * Applies the pending migrations under the apply lock, auditing every step, enforcing the configured gates and
     * recording a recovery artifact for every destructive step.
     */
    public ApplyResult apply(ApplyListener listener) {
        return new Apply(config.settings(), listener).run();
    }

    /**
     * Applies the pending migrations with a pre-apply check and a step hook (which runs after the artifact
     * recorder, in the same transaction).
     */
    ApplyResult apply(ApplyListener listener, ApplyGuard guard, StepHook stepHook) {
        return new Apply(config.settings(), listener, guard, stepHook).run();
    }

    /**
     * Applies the pending migrations before the first one matching {@code stopBefore} (which, with those after it,
     * stays pending), as {@link #apply(ApplyListener)} does otherwise. The Spring starter applies migrations with
     * long-running steps after startup, and with {@code on-refusal=warn} stops before a refused one.
     */
    public ApplyResult apply(ApplyListener listener, Predicate<Migration> stopBefore) {
        return new Apply(config.settings(), listener).stopBefore(stopBefore).run();
    }

    /**
     * A what-if: {@code plan} judged by other gates, without planning again or touching the database (Zanith
     * Studio's what-if panel). The steps, risk and preflight results are the plan's; gate results, verdict and
     * refusal are evaluated anew.
     *
     * @param maxRisk      the max-risk gate (0-100), or null for none
     * @param denyReasons  reason codes to refuse (see {@code zanith risk})
     * @throws ZanithConfigException for a max-risk outside 0-100 or an unknown reason code (one message for all)
     */
    public static Plan whatIf(Plan plan, @Nullable Integer maxRisk, boolean allowDestructive,
                              Collection<String> denyReasons) {
        return Planner.judge(plan, Gates.of(maxRisk, allowDestructive, denyReasons));
    }

    /** Applied (restores apart), pending and unfinished migrations and the apply lock's holder. */
    public StatusReport status() {
        return new Status(config.settings()).run();
    }

    /**
     * Where the target stands in numbers, at a cost that does not grow with the history (for health probes and
     * metrics); see {@link Status#summary()}.
     */
    public StatusSummary statusSummary() {
        return new Status(config.settings()).summary();
    }

    /** Applied migrations in order with their steps, then unfinished ones. */
    public List<HistoryEntry> history() {
        return new History(config.settings()).run();
    }

    /**
     * Records the live schema as the starting point of a database Zanith has not managed ({@code zanith baseline}):
     * a {@code baseline} ledger row and before/after snapshots, in one transaction under the apply lock, nothing
     * executed; migration files whose id sorts at or before it count as applied from then on (docs/ADOPTION.md).
     *
     * @throws ZanithConfigException for an id no migration could have
     * @throws ZanithException       when the target already has Zanith history and the request does not allow it, or
     *                               the ledger already holds the id
     */
    public dev.zanith.api.output.BaselineResult baseline(dev.zanith.api.BaselineRequest request) {
        return new dev.zanith.internal.command.Baseline(config.settings()).run(request);
    }

    /**
     * Takes over Flyway's or Liquibase's history ({@code zanith adopt}): every row that ran becomes an adopted ledger
     * row with its original time, after checking it against the migration files; a dry run unless the request says
     * execute, which writes in one transaction under the apply lock (docs/ADOPTION.md).
     *
     * @throws ZanithException when the history table is missing, or an execute meets rows that do not match the files
     *                         (then nothing is written)
     */
    public dev.zanith.api.output.AdoptResult adopt(dev.zanith.api.AdoptRequest request) {
        return new dev.zanith.internal.command.Adopt(config.settings()).run(request);
    }

    /**
     * Whether the target has Zanith history and, only when it has none, which tables hold application data in the
     * target schemas and which Flyway or Liquibase history tables the database holds. Read-only.
     */
    public dev.zanith.api.output.StartingPoint startingPoint() {
        return new dev.zanith.internal.command.StartingPointQuery(config.settings()).read();
    }

    /** Accepts the current content of an edited, applied migration file (recorded in the ledger). */
    public RepairResult acceptChecksum(String migrationId) {
        return new Repair(config.settings()).acceptChecksum(migrationId);
    }

    /**
     * Rehearses the pending migrations on a shadow database (see {@link dev.zanith.internal.verify.Verifier}).
     *
     * @param declared a declared schema to compare with, or null to compare with the steps' expected result
     */
    public dev.zanith.api.output.VerifyResult verify(@Nullable Path declared, ShadowProvider shadow) {
        return new dev.zanith.internal.command.Verify(config.settings()).run(declared, ShadowSource.of(shadow));
    }

    // ---- what the front ends need (CLI, Spring starter), so that they use no implementation package ----------

    /**
     * Applies the pending migrations as {@link #apply(ApplyListener)} does, after checking that the plan still has
     * the fingerprint a reviewer approved ({@code zanith apply --expect-fingerprint} / {@code --plan}).
     *
     * @param planFingerprint the approved plan's fingerprint; null applies whatever the gates allow
     */
    public ApplyResult applyExpectingPlan(ApplyListener listener, @Nullable String planFingerprint) {
        return new Apply(config.settings(), listener, new PlanGuard(config.settings().planner(), planFingerprint), StepHook.NONE).run();
    }

    /**
     * The shadow for a {@code --shadow} / {@code zanith.shadow} value against the configured target:
     * {@code embedded}, {@code database}, {@code schema} (twins of the configured schemas) or a database URL.
     *
     * @param option the value, or null/blank for the default (embedded where available, else database)
     * @param reset  whether a shadow URL that is not empty may be wiped first
     * @throws ZanithConfigException for an unknown value or a combination that makes no sense
     */
    public ShadowProvider shadow(@Nullable String option, boolean reset) {
        return ShadowProviders.fromOption(option, config.settings().connectionSource(), reset, config.schemas(),
                config.archiveSchema());
    }

    /**
     * Writes a migration file with the operations that turn the live schema (plus pending migrations) into the
     * declared one ({@code zanith generate}).
     */
    public GenerateResult generate(GenerateRequest request) {
        return new Generate(config.settings()).run(request);
    }

    /** One schema snapshot, as {@link #snapshot(String)}; a missing one is a {@link ZanithException} naming how to list them. */
    public dev.zanith.api.output.Snapshot requireSnapshot(String reference) {
        return new dev.zanith.internal.command.Snapshots(config.settings()).show(reference);
    }

    /**
     * The operations that turn schema {@code from} into {@code to} ({@code zanith diff}); each side is a database URL,
     * a {@code .sql} file (normalized on a shadow) or a schema graph {@code .json}/{@code .yaml}. Needs no
     * configuration: a shadow on the server of a side that is a database, else embedded.
     *
     * @param schemas the schemas to compare (missing ones are empty)
     * @param shadow  a {@code --shadow} value as in {@link #shadow(String, boolean)}, or null for the default
     */
    public static DiffResult diff(String from, String to, List<String> schemas, DiffOptions options,
                                  @Nullable String shadow, boolean resetShadow) {
        IntrospectionOptions introspection = IntrospectionOptions.of(schemas).skippingMissingSchemas();
        // A .sql source is normalized in a shadow; "database" needs a server, taken from a side that is a database.
        String database = SchemaSources.isDatabase(from) ? from : SchemaSources.isDatabase(to) ? to : null;
        ConnectionSource target = database == null ? null : ConnectionSource.of(JdbcUrls.normalize(database), null, null);
        ShadowSource provider = shadow == null && !ShadowProviders.isEmbeddedAvailable() && target != null
                ? ShadowProviders.temporaryDatabase(target) : ShadowProviders.fromOption(shadow, target, resetShadow);
        SchemaGraph before = SchemaSources.load(from, provider, introspection);
        SchemaGraph after = SchemaSources.load(to, provider, introspection);
        return Differ.diff(before, after, options);
    }

    /**
     * The published risk table ({@code zanith risk}, docs/RISK.md): one row per operation kind and variant, assessed by
     * the risk model on {@code public.users} in the published context (PostgreSQL 14, the oldest supported), in
     * operation-kind order. Needs no database.
     */
    public static List<dev.zanith.api.risk.RiskTableRow> riskTable() {
        return dev.zanith.internal.risk.RiskTable.rows();
    }

    /** The context rules that change a verdict, one sentence each, as the risk table lists them under its rows. */
    public static List<String> riskContextRules() {
        return dev.zanith.internal.risk.RiskTable.contextRules();
    }

    /** The risk table as docs/RISK.md prints it (GitHub markdown). */
    public static String riskTableMarkdown() {
        return dev.zanith.internal.risk.RiskTable.markdown();
    }

    /** The risk table as JSON ({@code zanith risk --format json}; shape in docs/RISK.md). */
    public static String riskTableJson() {
        return dev.zanith.internal.risk.RiskTable.json();
    }

    /** What changed between two schema snapshots (a number, {@code ID:before|after}, or a migration id). */
    public dev.zanith.api.output.SnapshotComparison compareSnapshots(String from, String to) {
        return new dev.zanith.internal.command.Snapshots(config.settings()).diff(from, to);
    }

    /** One schema snapshot (a number, {@code ID:before|after}, or a migration id); empty when there is none. */
    public Optional<dev.zanith.api.output.Snapshot> snapshot(String reference) {
        return new dev.zanith.internal.command.Snapshots(config.settings()).lookup(reference);
    }

    /** The recorded schema snapshots, oldest first. */
    public List<dev.zanith.api.output.SnapshotInfo> snapshots() {
        return new dev.zanith.internal.command.Snapshots(config.settings()).list();
    }

    // ---- recovery artifacts (zanith recover) ----------------------------------------------------------------

    /** Every recovery artifact, newest first (oldest last); purged ones are gone. */
    public List<Artifact> artifacts() {
        return recovery().list(ArtifactFilter.all());
    }

    /** Recovery artifacts matching {@code filter} (source schema, table, column, type), newest first. */
    public List<Artifact> artifacts(ArtifactFilter filter) {
        return recovery().list(filter);
    }

    /** How many artifacts can still be restored (status live). */
    public long liveArtifacts() {
        return live().count();
    }

    /**
     * When the first artifact that can still be restored expires (its {@code expires_at}: from then on
     * {@code zanith recover cleanup} may purge it); empty when no live artifact has an expiry. An instant in the past
     * means an expired artifact is still waiting for cleanup.
     */
    public Optional<Instant> nextArtifactExpiry() {
        return live().map(Artifact::expiresAt).filter(java.util.Objects::nonNull).min(Instant::compareTo);
    }

    private java.util.stream.Stream<Artifact> live() {
        return artifacts().stream().filter(a -> a.status() == dev.zanith.api.output.ArtifactStatus.LIVE);
    }

    /** One recovery artifact by id ({@code <migration id>::<type>::<schema>.<table>[.<column>]}). */
    public Optional<Artifact> artifact(String id) {
        return recovery().find(id);
    }

    /**
     * One artifact in detail: whether its data is still there and what restore would do; with
     * {@code verifyChecksum}, its parked data is checksummed again (a full pass) and compared.
     */
    public Inspection inspectArtifact(String id, boolean verifyChecksum) {
        return recovery().inspect(id, verifyChecksum);
    }

    /** Restores the latest soft-dropped or archived column ({@code table} may be schema-qualified). */
    public RestoreResult restoreColumn(String table, String column) {
        return recovery().restoreColumn(table, column, false);
    }

    /** As {@link #restoreColumn(String, String)}; {@code acceptChangedData} restores data whose checksum changed. */
    public RestoreResult restoreColumn(String table, String column, boolean acceptChangedData) {
        return recovery().restoreColumn(table, column, acceptChangedData);
    }

    /** Restores the latest soft-dropped or archived table. */
    public RestoreResult restoreTable(String table) {
        return recovery().restoreTable(table, false);
    }

    /** As {@link #restoreTable(String)}; {@code acceptChangedData} restores data whose checksum changed. */
    public RestoreResult restoreTable(String table, boolean acceptChangedData) {
        return recovery().restoreTable(table, acceptChangedData);
    }

    /**
     * Restores one artifact by id, in one transaction under the apply lock, recorded in the audit tables like a
     * migration; refuses on conflicts (name taken, primary key changed, checksum mismatch). Idempotent.
     */
    public RestoreResult restore(String artifactId) {
        return recovery().restore(artifactId, false);
    }

    /** As {@link #restore(String)}; {@code acceptChangedData} restores data whose checksum changed. */
    public RestoreResult restore(String artifactId, boolean acceptChangedData) {
        return recovery().restore(artifactId, acceptChangedData);
    }

    /** Drops an artifact's parked data and deletes its row, for good. Idempotent. */
    public PurgeResult purge(String artifactId) {
        return recovery().purge(artifactId);
    }

    /**
     * Purges expired artifacts, and with {@code olderThan} (nullable) those created longer ago than that; each in its
     * own transaction. {@code dryRun} only lists them.
     */
    public CleanupResult cleanup(@Nullable Duration olderThan, boolean dryRun) {
        return recovery().cleanup(olderThan, dryRun);
    }

    /** Streams an artifact's parked rows to {@code out} (not closed) after verifying their checksum. */
    public ExportResult export(String artifactId, ExportFormat format, OutputStream out) {
        return recovery().export(artifactId, format, out, false);
    }

    /** As {@link #export(String, ExportFormat, OutputStream)}; {@code acceptChangedData} exports changed data. */
    public ExportResult export(String artifactId, ExportFormat format, OutputStream out, boolean acceptChangedData) {
        return recovery().export(artifactId, format, out, acceptChangedData);
    }

    /** As {@link #export(String, ExportFormat, OutputStream, boolean)}, to a character stream (flushed, not closed). */
    public ExportResult export(String artifactId, ExportFormat format, Writer out, boolean acceptChangedData) {
        return recovery().export(artifactId, format, out, acceptChangedData);
    }

    private Recovery recovery() {
        return new Recovery(config.settings());
    }
}
