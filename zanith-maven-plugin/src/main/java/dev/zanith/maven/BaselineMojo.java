package dev.zanith.maven;

import dev.zanith.Zanith;
import dev.zanith.api.BaselineRequest;
import dev.zanith.api.output.text.BaselineText;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code zanith:baseline}: record the live schema as the starting point of a database Zanith has not managed — a
 * baseline row in the ledger and a before/after snapshot, nothing executed. Migration files whose id sorts at or
 * before the baseline's id count as applied from then on. Runs under the apply lock; never asks for confirmation.
 */
@Mojo(name = "baseline", threadSafe = true)
public final class BaselineMojo extends AbstractZanithMojo {

    /**
     * The baseline's id: files sorting at or before it count as applied (e.g. V5__orders to take over after V5).
     * Default: 0, which sorts before every migration id.
     */
    @Parameter(property = "zanith.baseline-id")
    String baselineId;

    /** Free text for the ledger row. Default: the number of tables and the schemas recorded. */
    @Parameter(property = "zanith.baseline-description")
    String baselineDescription;

    /** Record a baseline although the target already has Zanith history (refused otherwise). */
    @Parameter(property = "zanith.allow-history", defaultValue = "false")
    boolean allowHistory;

    @Override
    void run(MavenOutput out) {
        BaselineText.print(new Zanith(configBuilder().build())
                .baseline(new BaselineRequest(baselineId, baselineDescription, allowHistory)), out);
    }
}
