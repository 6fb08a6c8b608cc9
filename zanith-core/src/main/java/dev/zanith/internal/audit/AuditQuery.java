package dev.zanith.internal.audit;

/**
 * The six questions the audit tables answer, as documented SQL (docs/AUDIT.md shows the same text with the
 * default schema and prefix). Ready for a Grafana panel, an alert or a monthly review.
 */
public enum AuditQuery {
    RECENT_MIGRATIONS("recent-migrations", "The 20 most recent migrations, with their risk"),
    STEP_DURATION_BY_KIND("step-duration-by-kind", "Average step duration by operation kind"),
    FAILED_STEPS("failed-steps", "Failed steps in the last 7 days, with their errors"),
    RISK_PROFILE("risk-profile", "Per-migration worst and total risk"),
    LIVE_ARTIFACTS("live-artifacts", "Live artifacts by age and size"),
    SNAPSHOT_DIFF("snapshot-diff", "The diff between two snapshots");

    private final String resource;
    private final String title;

    AuditQuery(String resource, String title) {
        this.resource = resource;
        this.title = title;
    }

    public String title() {
        return title;
    }

    /** The query with the table names of {@code tables} filled in; {@code :from_id}/{@code :to_id} are psql variables. */
    public String sql(AuditTables tables) {
        return tables.sql("queries/" + resource + ".sql");
    }
}
