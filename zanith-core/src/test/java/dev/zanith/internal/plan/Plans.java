package dev.zanith.internal.plan;

import dev.zanith.TestSettings;
import dev.zanith.api.output.Plan;
import dev.zanith.api.output.PlannedStep;
import dev.zanith.api.output.PreflightResult;
import dev.zanith.ZanithConfig;
import dev.zanith.api.migration.Migration;
import dev.zanith.api.ops.Operation;
import dev.zanith.testsupport.TestDatabase;

import java.sql.Connection;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

/** Planning helpers for tests: migrations built in code, plans against a test database. */
public final class Plans {

    private Plans() {
    }

    static Migration migration(String id, Operation... operations) {
        return new Migration(id, null, Arrays.asList(operations), "sum-" + id, "test:" + id, Migration.Format.YAML);
    }

    static ZanithConfig.Builder config(TestDatabase db) {
        return ZanithConfig.builder().url(db.jdbcUrl());
    }

    static Plan plan(TestDatabase db, Operation... operations) throws Exception {
        return plan(db, b -> b, List.of(migration("20260101000000_test", operations)));
    }

    static Plan plan(TestDatabase db, UnaryOperator<ZanithConfig.Builder> settings, Operation... operations)
            throws Exception {
        return plan(db, settings, List.of(migration("20260101000000_test", operations)));
    }

    static Plan plan(TestDatabase db, UnaryOperator<ZanithConfig.Builder> settings, List<Migration> migrations)
            throws Exception {
        try (Connection c = db.connect()) {
            return TestSettings.of(settings.apply(config(db)).build()).planner().plan(c, migrations);
        }
    }

    static UnaryOperator<ZanithConfig.Builder> timeout(Duration timeout) {
        return b -> b.preflightTimeout(timeout);
    }

    /** The preflight results of step {@code index} (1-based) of the only migration. */
    static List<PreflightResult> preflight(Plan plan, int index) {
        return plan.migrations().get(0).steps().get(index - 1).preflight();
    }

    static PlannedStep step(Plan plan, int index) {
        return plan.migrations().get(0).steps().get(index - 1);
    }
}
