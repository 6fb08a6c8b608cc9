package dev.zanith;

import dev.zanith.api.exception.ZanithConfigException;
import dev.zanith.internal.step.BackfillSettings;
import dev.zanith.internal.step.LockRetry;
import dev.zanith.internal.step.Timeouts;
import dev.zanith.internal.audit.AuditTables;
import dev.zanith.internal.jdbc.ConnectionSource;
import dev.zanith.internal.config.Settings;
import dev.zanith.internal.jdbc.JdbcUrls;
import dev.zanith.internal.introspect.IntrospectionOptions;
import dev.zanith.internal.migration.LoadedMigrations;
import dev.zanith.api.migration.Migration;
import dev.zanith.api.migration.MigrationSource;
import dev.zanith.api.ops.RenderContext;
import dev.zanith.api.output.Gates;
import dev.zanith.internal.plan.Planner;

import org.jspecify.annotations.Nullable;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Zanith's configuration: built once, validated once ({@link Builder#build()}), immutable afterwards.
 * Every default lives here, so the CLI and the Spring properties share them.
 */
public final class ZanithConfig {

    /** Default schemas to introspect and migrate. */
    public static final List<String> DEFAULT_SCHEMAS = List.of("public");
    /** Default schema of the audit tables. */
    public static final String DEFAULT_AUDIT_SCHEMA = "public";
    /** Default prefix of the audit tables and of parked (soft-dropped) objects. */
    public static final String DEFAULT_TABLE_PREFIX = IntrospectionOptions.DEFAULT_PREFIX;

    /** Default time an apply waits for another apply on the same target to finish. */
    public static final Duration DEFAULT_LOCK_WAIT = Duration.ofMinutes(10);
    /** Default attempts in all for a step that keeps hitting the lock timeout. */
    public static final int DEFAULT_LOCK_RETRY_ATTEMPTS = LockRetry.DEFAULT_MAX_ATTEMPTS;
    /** Default delay after the first lock timeout (doubling, jittered). */
    public static final Duration DEFAULT_LOCK_RETRY_BACKOFF = LockRetry.DEFAULT_INITIAL_BACKOFF;
    /** Default cap on the delay between lock-timeout retries. */
    public static final Duration DEFAULT_LOCK_RETRY_MAX_BACKOFF = LockRetry.DEFAULT_MAX_BACKOFF;
    /** Default rows per backfill batch. */
    public static final int DEFAULT_BACKFILL_BATCH_SIZE = BackfillSettings.DEFAULT_BATCH_SIZE;
    /** Default target duration of one backfill batch (batch sizes adapt to it). */
    public static final Duration DEFAULT_BACKFILL_TARGET_BATCH_DURATION = BackfillSettings.DEFAULT_TARGET_BATCH_DURATION;
    /** Default pause between backfill batches. */
    public static final Duration DEFAULT_BACKFILL_PAUSE = BackfillSettings.DEFAULT_PAUSE;
    /** Default time a recovery artifact (parked column or table, archive) is kept before cleanup may purge it. */
    public static final Duration DEFAULT_ARTIFACT_RETENTION = Duration.ofDays(30);
    /** Default {@code lock_timeout} of every step. */
    public static final Duration DEFAULT_LOCK_TIMEOUT = Timeouts.DEFAULT_LOCK_TIMEOUT;
    /** Default {@code statement_timeout} of an ordinary step. */
    public static final Duration DEFAULT_STATEMENT_TIMEOUT = Timeouts.DEFAULT_STATEMENT_TIMEOUT;
    /** Default {@code statement_timeout} of a long-running step (index builds, validation, copies, backfill batches). */
    public static final Duration DEFAULT_LONG_STATEMENT_TIMEOUT = Timeouts.DEFAULT_LONG_STATEMENT_TIMEOUT;
    /** Default time budget of the plan's preflight data checks. */
    public static final Duration DEFAULT_PREFLIGHT_TIMEOUT = Planner.DEFAULT_PREFLIGHT_TIMEOUT;

    private static final Pattern PREFIX = Pattern.compile("[a-z_][a-z0-9_]{0,19}");

    private final Settings settings;

    private ZanithConfig(Builder b) {
        this.settings = new Settings(b.dataSource, b.url == null ? null : JdbcUrls.requireDatabase(b.url), b.user,
                b.password, b.schemas, b.auditSchema, b.tablePrefix, b.archiveSchema, b.migrations,
                new Timeouts(b.lockTimeout, b.statementTimeout, b.longStatementTimeout),
                new Gates(b.maxRisk, b.allowDestructive, b.denyReasons), b.preflightTimeout, b.lockWait,
                new LockRetry(b.lockRetryAttempts, b.lockRetryBackoff, b.lockRetryMaxBackoff),
                backfillSettings(b), b.artifactRetention);
    }

    /** An explicit batch size fixes the batches, unless a target duration is set too (then it is the first size). */
    private static BackfillSettings backfillSettings(Builder b) {
        Duration target = b.backfillTargetBatchDuration != null ? b.backfillTargetBatchDuration
                : b.backfillBatchSize != null ? Duration.ZERO : DEFAULT_BACKFILL_TARGET_BATCH_DURATION;
        return new BackfillSettings(b.backfillBatchSize != null ? b.backfillBatchSize : DEFAULT_BACKFILL_BATCH_SIZE,
                b.backfillPause, target);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The engine's view of this configuration; not API (the facade hands it to the commands). */
    Settings settings() {
        return settings;
    }

    /**
     * The target database for messages: its JDBC URL with any password redacted, or
     * {@code the application's DataSource}.
     */
    public String target() {
        return settings.target();
    }

    /** The schemas Zanith manages (introspects, diffs and snapshots), in order. */
    public List<String> schemas() {
        return settings.schemas();
    }

    /** The schema holding Zanith's audit tables. */
    public String auditSchema() {
        return settings.auditSchema();
    }

    /** The prefix of Zanith's audit table names ({@code _zanith_} by default). */
    public String tablePrefix() {
        return settings.tablePrefix();
    }

    /**
     * The unquoted name (without the schema) of one of Zanith's audit tables with this configuration's prefix:
     * {@code migrations}, {@code steps}, {@code snapshots}, {@code artifacts} or {@code checkpoints} → e.g.
     * {@code _zanith_migration_steps} (the tables are described in docs/AUDIT.md).
     *
     * @throws IllegalArgumentException for any other table
     */
    public String auditTableName(String table) {
        return settings.auditTables().tableName(table);
    }

    /** Where archived data goes. */
    public String archiveSchema() {
        return settings.archiveSchema();
    }

    /** Where migration files come from; null when none was configured. */
    public @Nullable MigrationSource migrations() {
        return settings.migrations();
    }

    /**
     * For "nothing to do" messages: why there is nothing, when the reason is an empty source ("directory X holds no
     * migration files ..."), or empty when the source has migrations (and they are all applied).
     */
    public java.util.Optional<String> emptySourceNote() {
        return settings.emptySourceNote();
    }

    /**
     * The migration files, parsed and ordered by id; a file is parsed again only when its content changed since
     * the previous call on this configuration.
     *
     * @throws ZanithConfigException when no migration source was configured, or a file does not load (file, line)
     */
    public List<Migration> loadMigrations() {
        return settings.loadMigrations();
    }

    /** {@code lock_timeout} of every step: how long a step waits for its table lock before it gives up (and retries). */
    public Duration lockTimeout() {
        return settings.timeouts().lockTimeout();
    }

    /** {@code statement_timeout} of an ordinary step. */
    public Duration statementTimeout() {
        return settings.timeouts().statementTimeout();
    }

    /** {@code statement_timeout} of a long-running step (index builds, validation, copies, backfill batches). */
    public Duration longStatementTimeout() {
        return settings.timeouts().longStatementTimeout();
    }

    /** The highest risk score a step may have (0–100), or null when the gate is off. */
    public @Nullable Integer maxRisk() {
        return settings.gates().maxRisk();
    }

    /** Whether steps that can lose data are allowed. */
    public boolean allowDestructive() {
        return settings.gates().allowDestructive();
    }

    /** Reason codes that refuse a step whatever its score (docs/RISK.md lists them). */
    public Set<String> denyReasons() {
        return settings.gates().denyReasons();
    }

    /** How many times a step that hit the lock timeout is tried in all (1: no retry). */
    public int lockRetryAttempts() {
        return settings.lockRetry().maxAttempts();
    }

    /** The wait before the first retry of a step that hit the lock timeout; it doubles up to {@link #lockRetryMaxBackoff()}. */
    public Duration lockRetryBackoff() {
        return settings.lockRetry().initialBackoff();
    }

    /** The longest wait between two tries of a step that hit the lock timeout. */
    public Duration lockRetryMaxBackoff() {
        return settings.lockRetry().maxBackoff();
    }

    /** Rows of the first backfill batch, or of every batch when the target duration is zero (one transaction each). */
    public int backfillBatchSize() {
        return settings.backfill().batchSize();
    }

    /** The duration one backfill batch aims at (batch sizes adapt to it); zero: fixed batches. */
    public Duration backfillTargetBatchDuration() {
        return settings.backfill().targetBatchDuration();
    }

    /** The pause between two backfill batches. */
    public Duration backfillPause() {
        return settings.backfill().pause();
    }

    /** Statement timeout of every query the planner runs (introspection, preflight checks). */
    public Duration preflightTimeout() {
        return settings.preflightTimeout();
    }

    /** How long an apply waits for another apply on the same target (schema + prefix); zero: not at all. */
    public Duration lockWait() {
        return settings.lockWait();
    }

    /**
     * How long recovery artifacts are kept: each artifact's {@code expires_at} is its creation time plus this;
     * {@code zanith recover cleanup} purges expired ones. Zero: artifacts never expire.
     */
    public Duration artifactRetention() {
        return settings.artifactRetention();
    }

    /** Builds a {@link ZanithConfig}; {@link #build()} validates everything at once. */
    public static final class Builder {
        private @Nullable DataSource dataSource;
        private @Nullable String url;
        private @Nullable String user;
        private @Nullable String password;
        private List<String> schemas = DEFAULT_SCHEMAS;
        private String auditSchema = DEFAULT_AUDIT_SCHEMA;
        private String tablePrefix = DEFAULT_TABLE_PREFIX;
        private String archiveSchema = RenderContext.DEFAULT_ARCHIVE_SCHEMA;
        private @Nullable MigrationSource migrations;
        private Duration lockTimeout = Timeouts.DEFAULT_LOCK_TIMEOUT;
        private Duration statementTimeout = Timeouts.DEFAULT_STATEMENT_TIMEOUT;
        private Duration longStatementTimeout = Timeouts.DEFAULT_LONG_STATEMENT_TIMEOUT;
        private @Nullable Integer maxRisk;
        private boolean allowDestructive;
        private Set<String> denyReasons = Set.of();
        private Duration preflightTimeout = Planner.DEFAULT_PREFLIGHT_TIMEOUT;
        private Duration lockWait = DEFAULT_LOCK_WAIT;
        private int lockRetryAttempts = DEFAULT_LOCK_RETRY_ATTEMPTS;
        private Duration lockRetryBackoff = DEFAULT_LOCK_RETRY_BACKOFF;
        private Duration lockRetryMaxBackoff = DEFAULT_LOCK_RETRY_MAX_BACKOFF;
        private Integer backfillBatchSize;
        private Duration backfillTargetBatchDuration;
        private Duration backfillPause = DEFAULT_BACKFILL_PAUSE;
        private Duration artifactRetention = DEFAULT_ARTIFACT_RETENTION;

        private Builder() {
        }

        /** Refuse any step scoring above this (0–100); null (the default) turns the gate off. */
        public Builder maxRisk(@Nullable Integer value) {
            this.maxRisk = value;
            return this;
        }

        /** Consent to steps that can lose data (default: not given, so such steps are refused). */
        public Builder allowDestructive(boolean value) {
            this.allowDestructive = value;
            return this;
        }

        /** Reason codes that refuse a step outright (see {@code zanith risk}). */
        public Builder denyReasons(@Nullable Collection<String> value) {
            this.denyReasons = value == null ? Set.of() : new LinkedHashSet<>(value);
            return this;
        }

        /** Statement timeout of the planner's queries, preflight checks included. */
        public Builder preflightTimeout(Duration value) {
            this.preflightTimeout = value;
            return this;
        }

        /** How long apply waits for another apply on the same target to finish; zero: fail at once. */
        public Builder lockWait(Duration value) {
            this.lockWait = value;
            return this;
        }

        /** Attempts in all for a step that gives up waiting for a lock (1: no retry). */
        public Builder lockRetryAttempts(int value) {
            this.lockRetryAttempts = value;
            return this;
        }

        /** Delay after the first lock timeout; it doubles per attempt, with jitter. */
        public Builder lockRetryBackoff(Duration value) {
            this.lockRetryBackoff = value;
            return this;
        }

        /** The cap on the delay between lock-timeout retries. */
        public Builder lockRetryMaxBackoff(Duration value) {
            this.lockRetryMaxBackoff = value;
            return this;
        }

        /**
         * Rows per backfill batch, unless the operation sets its own batchSize: fixed batches of this size (unless
         * {@link #backfillTargetBatchDuration} is set too, which makes it the first batch's size). Not set: batches
         * adapt from {@value #DEFAULT_BACKFILL_BATCH_SIZE} rows to the target duration.
         */
        public Builder backfillBatchSize(int value) {
            this.backfillBatchSize = value;
            return this;
        }

        /**
         * How long one backfill batch should take: batch sizes adapt after every batch (default 100 ms; zero: fixed
         * batches of the batch size). Sizes are at most halved or doubled at a time, between 10 and 100,000 rows.
         */
        public Builder backfillTargetBatchDuration(Duration value) {
            this.backfillTargetBatchDuration = value;
            return this;
        }

        /** Pause between backfill batches. */
        public Builder backfillPause(Duration value) {
            this.backfillPause = value;
            return this;
        }

        /**
         * How long recovery artifacts are kept before {@code recover cleanup} may purge them (default 30 days; zero:
         * never expire).
         */
        public Builder artifactRetention(Duration value) {
            this.artifactRetention = value;
            return this;
        }

        /** Schema that archive_column / archive_table move data into. */
        public Builder archiveSchema(String value) {
            this.archiveSchema = value;
            return this;
        }

        /** Where migration files come from; null: none (plan and apply then fail with a configuration error). */
        public Builder migrations(@Nullable MigrationSource value) {
            this.migrations = value;
            return this;
        }

        /** How long a step waits for a lock before it gives up (and retries). */
        public Builder lockTimeout(Duration value) {
            this.lockTimeout = value;
            return this;
        }

        /** Limit for ordinary statements. */
        public Builder statementTimeout(Duration value) {
            this.statementTimeout = value;
            return this;
        }

        /** Limit for index builds, validation, copies and backfill batches; zero means none. */
        public Builder longStatementTimeout(Duration value) {
            this.longStatementTimeout = value;
            return this;
        }

        /** Connections from an application's DataSource (takes precedence over a URL); null: use the URL. */
        public Builder dataSource(@Nullable DataSource value) {
            this.dataSource = value;
            return this;
        }

        /** A {@code jdbc:postgresql://} or {@code postgres://} URL; null when a DataSource is given. */
        public Builder url(@Nullable String value) {
            this.url = value;
            return this;
        }

        /** The database user for a URL; null: the URL's or the driver's default. */
        public Builder user(@Nullable String value) {
            this.user = value;
            return this;
        }

        /** The password for a URL; null: the URL's or none. */
        public Builder password(@Nullable String value) {
            this.password = value;
            return this;
        }

        /** The schemas Zanith migrates and compares; null or empty: {@link #DEFAULT_SCHEMAS}. */
        public Builder schemas(@Nullable List<String> value) {
            this.schemas = value == null || value.isEmpty() ? DEFAULT_SCHEMAS : value;
            return this;
        }

        public Builder auditSchema(String value) {
            this.auditSchema = value;
            return this;
        }

        public Builder tablePrefix(String value) {
            this.tablePrefix = value;
            return this;
        }

        /** Validates the whole configuration and freezes it; every problem is reported in one message. */
        public ZanithConfig build() {
            List<String> problems = new ArrayList<>();
            if (dataSource == null && (url == null || url.isBlank())) {
                problems.add("no database: set a DataSource or a URL (--url jdbc:postgresql://HOST:PORT/DATABASE)");
            }
            if (schemas.stream().anyMatch(s -> s == null || s.isBlank())) {
                problems.add("schemas must not contain empty names");
            }
            if (auditSchema == null || auditSchema.isBlank()) {
                problems.add("the audit schema must not be empty");
            }
            if (tablePrefix == null || !PREFIX.matcher(tablePrefix).matches()) {
                problems.add("table prefix '" + tablePrefix + "' must be 1-20 lower-case letters, digits or "
                        + "underscores, starting with a letter or underscore");
            }
            if (archiveSchema == null || archiveSchema.isBlank()) {
                problems.add("the archive schema must not be empty");
            }
            if (schemas.contains(archiveSchema)) {
                problems.add("the archive schema '" + archiveSchema + "' cannot be one of the migrated schemas");
            }
            checkDuration(problems, "lock timeout", lockTimeout, false);
            checkDuration(problems, "statement timeout", statementTimeout, true);
            checkDuration(problems, "long statement timeout", longStatementTimeout, true);
            checkDuration(problems, "preflight timeout", preflightTimeout, false);
            problems.addAll(Gates.problems(maxRisk, denyReasons));
            checkDuration(problems, "lock wait", lockWait, true);
            checkDuration(problems, "lock retry backoff", lockRetryBackoff, true);
            checkDuration(problems, "lock retry max backoff", lockRetryMaxBackoff, true);
            checkDuration(problems, "backfill pause", backfillPause, true);
            checkDuration(problems, "artifact retention", artifactRetention, true);
            if (lockRetryAttempts < 1) {
                problems.add("lock retry attempts must be at least 1 (1 means no retry), not " + lockRetryAttempts);
            }
            if (backfillTargetBatchDuration != null) {
                checkDuration(problems, "backfill target batch duration", backfillTargetBatchDuration, true);
            }
            if (backfillBatchSize != null && backfillBatchSize < 1) {
                problems.add("the backfill batch size must be positive, not " + backfillBatchSize);
            }
            if (!problems.isEmpty()) {
                throw new ZanithConfigException("Invalid Zanith configuration: " + String.join("; ", problems) + ".");
            }
            return new ZanithConfig(this);
        }

        private static void checkDuration(List<String> problems, String name, Duration value, boolean zeroAllowed) {
            if (value == null || value.isNegative() || (!zeroAllowed && value.isZero())) {
                problems.add("the " + name + " must be " + (zeroAllowed ? "zero (no limit) or positive" : "positive")
                        + ", not " + value);
            }
        }
    }
}
