package dev.zanith.internal.config;

import dev.zanith.api.migration.Migration;
import dev.zanith.api.migration.MigrationSource;
import dev.zanith.api.exception.ZanithConfigException;
import dev.zanith.api.ops.RenderContext;
import dev.zanith.internal.step.BackfillSettings;
import dev.zanith.internal.audit.AuditTables;
import dev.zanith.internal.introspect.IntrospectionOptions;
import dev.zanith.internal.jdbc.ConnectionSource;
import dev.zanith.internal.jdbc.JdbcUrls;
import dev.zanith.internal.migration.LoadedMigrations;
import dev.zanith.api.output.Gates;
import dev.zanith.internal.plan.Planner;
import dev.zanith.internal.step.LockRetry;
import dev.zanith.internal.step.Timeouts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * What the engine runs with: a {@link dev.zanith.ZanithConfig}'s values in the engine's own types (how to connect,
 * timeouts, gates, lock retry, backfill pacing, audit table names). Built only by {@code ZanithConfig}; commands and
 * recovery take this instead of the public configuration, so the API never exposes an implementation type.
 */
public final class Settings {

    private final @Nullable DataSource dataSource;
    private final @Nullable String url;
    private final @Nullable String user;
    private final @Nullable String password;
    private final List<String> schemas;
    private final String auditSchema;
    private final String tablePrefix;
    private final String archiveSchema;
    private final @Nullable MigrationSource migrations;
    private final @Nullable LoadedMigrations loadedMigrations;
    private final Timeouts timeouts;
    private final Gates gates;
    private final Duration preflightTimeout;
    private final Duration lockWait;
    private final LockRetry lockRetry;
    private final BackfillSettings backfill;
    private final Duration artifactRetention;

    /** The configuration's values, as {@link dev.zanith.ZanithConfig.Builder#build()} validated them. */
    public Settings(@Nullable DataSource dataSource, @Nullable String url, @Nullable String user,
                    @Nullable String password, List<String> schemas, String auditSchema, String tablePrefix,
                    String archiveSchema, @Nullable MigrationSource migrations, Timeouts timeouts, Gates gates,
                    Duration preflightTimeout, Duration lockWait, LockRetry lockRetry, BackfillSettings backfill,
                    Duration artifactRetention) {
        this.dataSource = dataSource;
        this.url = url;
        this.user = user;
        this.password = password;
        this.schemas = List.copyOf(schemas);
        this.auditSchema = auditSchema;
        this.tablePrefix = tablePrefix;
        this.archiveSchema = archiveSchema;
        this.migrations = migrations;
        this.loadedMigrations = migrations == null ? null : new LoadedMigrations(migrations);
        this.timeouts = timeouts;
        this.gates = gates;
        this.preflightTimeout = preflightTimeout;
        this.lockWait = lockWait;
        this.lockRetry = lockRetry;
        this.backfill = backfill;
        this.artifactRetention = artifactRetention;
    }

    /**
     * How the engine opens connections to the target. 
     */
    public ConnectionSource connectionSource() {
        return dataSource != null ? ConnectionSource.of(dataSource) : ConnectionSource.of(url, user, password);
    }

    /**
     * The target database for messages: its JDBC URL with any password redacted, or
     * {@code the application's DataSource}.
     */
    public String target() {
        return connectionSource().describeTarget();
    }

    public List<String> schemas() {
        return schemas;
    }

    public String auditSchema() {
        return auditSchema;
    }

    public String tablePrefix() {
        return tablePrefix;
    }

    /** Where archived data goes. */
    public String archiveSchema() {
        return archiveSchema;
    }

    /** Where migration files come from; null when none was configured. */
    public @Nullable MigrationSource migrations() {
        return migrations;
    }

    /**
     * The migration files, parsed and ordered by id; a file is parsed again only when its content changed since
     * the previous call on this configuration (see {@link LoadedMigrations}).
     *
     * @throws ZanithConfigException when no migration source was configured
     */
    /**
     * For "nothing to do" messages: why there is nothing, when the reason is an empty source ("directory X holds no
     * migration files ..."), or empty when the source has migrations (and they are all applied).
     */
    public java.util.Optional<String> emptySourceNote() {
        if (migrations == null || !loadMigrations().isEmpty()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(migrations.describe() + " holds no migration files (.yaml, .yml or .sql; hidden "
                + "and editor backup files are ignored). Check --migrations (zanith.locations), or write one with "
                + "zanith generate.");
    }

    public List<Migration> loadMigrations() {
        if (loadedMigrations == null) {
            throw new ZanithConfigException("No migrations configured: pass --migrations DIR (or set a migration "
                    + "location).");
        }
        return loadedMigrations.load();
    }

    public Timeouts timeouts() {
        return timeouts;
    }

    /** The budget plan and apply check steps against (max risk, consent to lose data, denied reasons). */
    public Gates gates() {
        return gates;
    }

    /** Statement timeout of every query the planner runs (introspection, preflight checks). */
    public Duration preflightTimeout() {
        return preflightTimeout;
    }

    /** A planner with this configuration's schemas, audit tables, gates and preflight timeout. */
    public Planner planner() {
        return new Planner(introspectionOptions(), auditTables(), archiveSchema, gates, preflightTimeout);
    }

    /** How long an apply waits for another apply on the same target (schema + prefix); zero: not at all. */
    public Duration lockWait() {
        return lockWait;
    }

    /** How steps that hit the lock timeout are retried. */
    public LockRetry lockRetry() {
        return lockRetry;
    }

    /** Backfill batch size and pause. */
    public BackfillSettings backfill() {
        return backfill;
    }

    /**
     * How long recovery artifacts are kept: each artifact's {@code expires_at} is its creation time plus this;
     * {@code zanith recover cleanup} purges expired ones. Zero: artifacts never expire.
     */
    public Duration artifactRetention() {
        return artifactRetention;
    }

    public IntrospectionOptions introspectionOptions() {
        return new IntrospectionOptions(schemas, tablePrefix);
    }

    public AuditTables auditTables() {
        return new AuditTables(auditSchema, tablePrefix);
    }
}
