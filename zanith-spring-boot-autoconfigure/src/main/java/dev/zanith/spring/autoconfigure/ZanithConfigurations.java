package dev.zanith.spring.autoconfigure;

import dev.zanith.ZanithConfig;
import dev.zanith.api.migration.MigrationSource;
import dev.zanith.api.risk.ReasonCode;

/** Maps {@link ZanithProperties} onto the core configuration builder (one place, so a test can pin it). */
final class ZanithConfigurations {

    private ZanithConfigurations() {
    }

    static ZanithConfig.Builder apply(ZanithProperties p, ZanithConfig.Builder config, MigrationSource migrations) {
        ZanithConfig.Builder builder = config.migrations(migrations)
                .schemas(p.getSchemas())
                .auditSchema(p.getAuditSchema())
                .tablePrefix(p.getTablePrefix())
                .archiveSchema(p.getArchiveSchema())
                .maxRisk(p.getMaxRisk())
                .allowDestructive(p.isAllowDestructive())
                .denyReasons(p.getDenyReasons().stream().map(ReasonCode::code).toList())
                .lockTimeout(p.getLockTimeout())
                .statementTimeout(p.getStatementTimeout())
                .longStatementTimeout(p.getLongStatementTimeout())
                .lockRetryAttempts(p.getLockAttempts())
                .lockRetryBackoff(p.getLockRetryBackoff())
                .lockRetryMaxBackoff(p.getLockRetryMaxBackoff())
                .lockWait(p.getAdvisoryLockWait())
                .preflightTimeout(p.getPreflightTimeout())
                .backfillTargetBatchDuration(p.getBackfillTargetBatchDuration())
                .backfillPause(p.getBackfillPause())
                .artifactRetention(p.getArtifactRetention());
        if (p.getBackfillBatchSize() != null) {
            builder.backfillBatchSize(p.getBackfillBatchSize());
        }
        return builder;
    }
}
