package dev.zanith.internal.plan;

import dev.zanith.api.output.PreflightCheck;
import dev.zanith.api.output.GateResult;
import dev.zanith.api.output.Plan;
import dev.zanith.api.output.PlannedStep;
import dev.zanith.api.output.PreflightResult;
import dev.zanith.api.output.Verdict;
import dev.zanith.api.ops.AddCheckConstraint;
import dev.zanith.api.ops.AddColumn;
import dev.zanith.api.ops.AddForeignKey;
import dev.zanith.api.ops.AddIndex;
import dev.zanith.api.ops.AddPrimaryKey;
import dev.zanith.api.ops.AddUniqueConstraint;
import dev.zanith.api.ops.AlterColumnType;
import dev.zanith.api.ops.Backfill;
import dev.zanith.api.ops.CreateTable;
import dev.zanith.api.ops.DropCheckConstraint;
import dev.zanith.api.ops.DropColumn;
import dev.zanith.api.ops.DropTable;
import dev.zanith.api.ops.Operation;
import dev.zanith.api.ops.RawSql;
import dev.zanith.api.ops.RenameColumn;
import dev.zanith.api.ops.SetNotNull;
import dev.zanith.api.ops.ValidateConstraint;
import dev.zanith.api.risk.ReasonCode;
import dev.zanith.api.risk.RiskLevel;
import dev.zanith.api.schema.CheckConstraint;
import dev.zanith.api.schema.Column;
import dev.zanith.api.schema.ForeignKey;
import dev.zanith.api.schema.Index;
import dev.zanith.api.schema.PrimaryKey;
import dev.zanith.api.schema.Table;
import dev.zanith.api.schema.TableName;
import dev.zanith.api.schema.UniqueConstraint;
import dev.zanith.testsupport.PostgresServer;
import dev.zanith.testsupport.RealPostgres;
import dev.zanith.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.zanith.internal.plan.Plans.plan;
import static dev.zanith.internal.plan.Plans.preflight;
import static dev.zanith.internal.plan.Plans.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Each preflight check refuses on bad data and passes on clean data; checks that cannot apply say why. */
@RealPostgres
class PreflightTest {

    static final TableName T = new TableName("public", "t");
    static final TableName PARENT = new TableName("public", "parent");

    private static void assertFailed(Plan plan, int step, PreflightCheck check, long count, String... samples) {
        assertThat(plan.verdict()).isEqualTo(Verdict.REFUSED);
        assertThat(plan.refusal().gate()).isEqualTo(GateResult.PREFLIGHT);
        PreflightResult result = preflight(plan, step).stream().filter(r -> r.check() == check).findFirst().orElseThrow();
        assertThat(result.status()).as(result.message()).isEqualTo(PreflightResult.Status.FAILED);
        assertThat(result.count()).isEqualTo(count);
        assertThat(result.samples()).hasSizeLessThanOrEqualTo(5);
        if (samples.length > 0) {
            assertThat(result.samples()).containsExactlyInAnyOrder(samples);
        }
        assertThat(plan.refusal().fix()).isEqualTo(check.fix());
    }

    private static void assertPassed(Plan plan, int step, PreflightCheck check) {
        PreflightResult result = preflight(plan, step).stream().filter(r -> r.check() == check).findFirst().orElseThrow();
        assertThat(result.status()).as(result.message()).isEqualTo(PreflightResult.Status.PASSED);
        assertThat(plan.gate(GateResult.PREFLIGHT).orElseThrow().status()).isEqualTo(GateResult.Status.PASSED);
    }

    @Test
    void nullsBeforeSetNotNull(TestDatabase db) throws Exception {
        db.execute("CREATE TABLE t (id int PRIMARY KEY, email text);"
                + "INSERT INTO t SELECT g, CASE WHEN g % 3 = 0 THEN NULL ELSE 'x' END FROM generate_series(1, 21) g");
        Plan bad = plan(db, new SetNotNull(T, "email"));
        assertFailed(bad, 1, PreflightCheck.NULLS, 7);
        assertThat(bad.refusal().message()).contains("7 rows with NULL in public.t.email (e.g. id ");
        assertThat(preflight(bad, 1).get(0).keyColumns()).containsExactly("id");
        db.execute("UPDATE t SET email = 'y' WHERE email IS NULL");
        assertPassed(plan(db, new SetNotNull(T, "email")), 1, PreflightCheck.NULLS);
        assertThat(plan(db, new SetNotNull(T, "email")).verdict()).isEqualTo(Verdict.GREEN);
    }

    @Test
    void duplicatesBeforeUniqueIndexesConstraintsAndPrimaryKeys(TestDatabase db) throws Exception {
        db.execute("CREATE TABLE t (id int, email text, code text);"
                + "INSERT INTO t VALUES (1, 'A@x', 'a'), (2, 'a@x', 'b'), (3, 'b@x', NULL), (4, 'c@x', NULL), (4, 'd@x', 'c')");
        Index lower = new Index("t_email_lower", true, "btree", List.of("lower(email)"), List.of(), false, null,
                List.of(), true);
        Plan index = plan(db, new AddIndex(T, lower, true));
        assertFailed(index, 1, PreflightCheck.DUPLICATES, 2, "(0,1)", "(0,2)");
        assertThat(preflight(index, 1).get(0).keyColumns()).containsExactly("ctid"); // no primary key to name rows by
        assertThat(index.refusal().message()).contains("2 rows share 1 duplicate key value");
        // NULLs never collide, unless NULLS NOT DISTINCT
        assertPassed(plan(db, new AddUniqueConstraint(T, UniqueConstraint.of("t_code_key", List.of("code")), null)), 1,
                PreflightCheck.DUPLICATES);
        assertFailed(plan(db, new AddUniqueConstraint(T, new UniqueConstraint("t_code_key", List.of("code"), List.of(),
                true, false, false), null)), 1, PreflightCheck.DUPLICATES, 2);
        Plan pk = plan(db, new AddPrimaryKey(T, PrimaryKey.of("t_pkey", List.of("id")), null));
        assertFailed(pk, 1, PreflightCheck.DUPLICATES, 2);
        db.execute("UPDATE t SET email = 'e@x' WHERE id = 1; UPDATE t SET id = 5 WHERE email = 'd@x'");
        assertPassed(plan(db, new AddIndex(T, lower, true)), 1, PreflightCheck.DUPLICATES);
        assertPassed(plan(db, new AddPrimaryKey(T, PrimaryKey.of("t_pkey", List.of("id")), null)), 1,
                PreflightCheck.DUPLICATES);
        // a primary key on nullable columns also needs them free of NULLs
        db.execute("INSERT INTO t VALUES (NULL, 'f@x', 'z')");
        assertFailed(plan(db, new AddPrimaryKey(T, PrimaryKey.of("t_pkey", List.of("id")), null)), 1,
                PreflightCheck.NULLS, 1);
    }

    @Test
    void orphansBeforeAForeignKeyAndItsValidation(TestDatabase db) throws Exception {
        db.execute("CREATE TABLE parent (id int PRIMARY KEY); INSERT INTO parent VALUES (1), (2);"
                + "CREATE TABLE t (id int PRIMARY KEY, parent_id int); INSERT INTO t VALUES (10, 1), (11, 3), (12, NULL), (13, 4)");
        ForeignKey fk = ForeignKey.of("t_parent_fk", List.of("parent_id"), PARENT, List.of("id"));
        Plan bad = plan(db, new AddForeignKey(T, fk, false));
        assertFailed(bad, 1, PreflightCheck.ORPHANS, 2, "11", "13");
        // NOT VALID checks nothing now; the validation step does
        Plan notValid = plan(db, new AddForeignKey(T, fk, true), new ValidateConstraint(T, "t_parent_fk"));
        assertThat(preflight(notValid, 1)).noneMatch(r -> r.check() == PreflightCheck.ORPHANS);
        assertFailed(notValid, 2, PreflightCheck.ORPHANS, 2, "11", "13");
        db.execute("ALTER TABLE t ADD CONSTRAINT t_parent_fk FOREIGN KEY (parent_id) REFERENCES parent NOT VALID");
        assertFailed(plan(db, new ValidateConstraint(T, "t_parent_fk")), 1, PreflightCheck.ORPHANS, 2);
        db.execute("INSERT INTO parent VALUES (3), (4)");
        assertPassed(plan(db, new ValidateConstraint(T, "t_parent_fk")), 1, PreflightCheck.ORPHANS);
        db.execute("ALTER TABLE t DROP CONSTRAINT t_parent_fk");
        assertPassed(plan(db, new AddForeignKey(T, fk, false)), 1, PreflightCheck.ORPHANS);
    }

    @Test
    void valuesThatWouldNotFitBeforeNarrowing(TestDatabase db) throws Exception {
        db.execute("CREATE TABLE t (id int PRIMARY KEY, handle varchar(100), big bigint, amount numeric(10,2), code text);"
                + "INSERT INTO t VALUES (1, repeat('h', 30), 5000000000, 123456.78, '12'), (2, 'short', 5, 1.5, 'x1'),"
                + "(3, 'also short', 7, 2.5, NULL)");
        assertFailed(plan(db, new AlterColumnType(T, "handle", "varchar(20)", null, null, null)), 1,
                PreflightCheck.TYPE_FIT, 1, "1");
        assertFailed(plan(db, new AlterColumnType(T, "big", "integer", null, null, null)), 1, PreflightCheck.TYPE_FIT, 1,
                "1");
        assertFailed(plan(db, new AlterColumnType(T, "amount", "numeric(5,2)", null, null, null)), 1,
                PreflightCheck.TYPE_FIT, 1, "1");
        // widening needs no check
        Plan widen = plan(db, new AlterColumnType(T, "handle", "varchar(200)", null, null, null));
        assertThat(preflight(widen, 1)).isEmpty();
        db.execute("UPDATE t SET handle = 'h', big = 1, amount = 1, code = '3'");
        assertPassed(plan(db, new AlterColumnType(T, "handle", "varchar(20)", null, null, null)), 1,
                PreflightCheck.TYPE_FIT);
        assertPassed(plan(db, new AlterColumnType(T, "big", "integer", null, null, null)), 1, PreflightCheck.TYPE_FIT);
        assertPassed(plan(db, new AlterColumnType(T, "amount", "numeric(5,2)", null, null, null)), 1,
                PreflightCheck.TYPE_FIT);
    }

    @Test
    void textThatWouldNotParseAsTheNewType(TestDatabase db, PostgresServer server) throws Exception {
        assumeTrue(server.majorVersion() >= 16, "the check uses pg_input_is_valid, which exists from PostgreSQL 16; "
                + "this server is " + server.majorVersion());
        db.execute("CREATE TABLE t (id int PRIMARY KEY, code text); INSERT INTO t VALUES (1, '12'), (2, 'x1'), (3, NULL)");
        assertFailed(plan(db, new AlterColumnType(T, "code", "integer", null, null, null)), 1,
                PreflightCheck.TYPE_FIT, 1, "2");
        db.execute("UPDATE t SET code = '3' WHERE id = 2");
        assertPassed(plan(db, new AlterColumnType(T, "code", "integer", null, null, null)), 1, PreflightCheck.TYPE_FIT);
    }

    @Test
    void violatingRowsBeforeACheck(TestDatabase db) throws Exception {
        db.execute("CREATE TABLE t (id int PRIMARY KEY, n int); INSERT INTO t VALUES (1, 5), (2, -1), (3, NULL)");
        CheckConstraint positive = new CheckConstraint("t_n_positive", "n > 0", true, false);
        assertFailed(plan(db, new AddCheckConstraint(T, positive, false)), 1, PreflightCheck.CHECK_VIOLATIONS, 1, "2");
        Plan notValid = plan(db, new AddCheckConstraint(T, positive, true), new ValidateConstraint(T, "t_n_positive"));
        assertThat(preflight(notValid, 1)).isEmpty();
        assertFailed(notValid, 2, PreflightCheck.CHECK_VIOLATIONS, 1, "2");
        db.execute("UPDATE t SET n = 1 WHERE n < 0");
        assertPassed(plan(db, new AddCheckConstraint(T, positive, false)), 1, PreflightCheck.CHECK_VIOLATIONS);
    }

    @Test
    void aRequiredColumnWithoutDefaultNeedsAnEmptyTable(TestDatabase db) throws Exception {
        db.execute("CREATE TABLE t (id int PRIMARY KEY); INSERT INTO t VALUES (1), (2)");
        Operation add = new AddColumn(T, Column.of("tenant", "bigint", true));
        Plan bad = plan(db, add);
        assertFailed(bad, 1, PreflightCheck.TABLE_EMPTY, 2, "1", "2");
        assertThat(step(bad, 1).assessment().reasons()).contains(ReasonCode.ADDS_REQUIRED_COLUMN_WITHOUT_DEFAULT);
        db.execute("DELETE FROM t");
        Plan clean = plan(db, add);
        assertPassed(clean, 1, PreflightCheck.TABLE_EMPTY);
        assertThat(step(clean, 1).assessment().level()).isEqualTo(RiskLevel.SAFE);
        // with a default, no check is needed
        assertThat(preflight(plan(db, new AddColumn(T, Column.of("tenant", "bigint", true).withDefault("0"))), 1))
                .isEmpty();
    }

    @Test
    void aTableCreatedInThePlanIsOnlyKnownEmptyUntilRawSqlRuns(TestDatabase db) throws Exception {
        CreateTable create = new CreateTable(Table.of("public", "t", List.of(Column.of("id", "int", true))));
        Operation add = new AddColumn(T, Column.of("tenant", "bigint", true));
        assertThat(preflight(plan(db, create, add), 2)).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(PreflightResult.Status.SKIPPED);
            assertThat(r.message()).isEqualTo("public.t is created earlier in this plan: it is empty, so there is nothing to check");
        });
        Plan seeded = plan(db, create, new RawSql("INSERT INTO t VALUES (1)", null), add);
        assertThat(preflight(seeded, 3)).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(PreflightResult.Status.SKIPPED);
            assertThat(r.message()).startsWith("public.t is created earlier in this plan, and raw SQL since may have filled it");
        });
        assertThat(step(seeded, 3).assessment().notes())
                .contains("fails on a table with rows: every existing row would need a value");
    }

    @Test
    void hardDropsReportWhetherTheyHoldData(TestDatabase db) throws Exception {
        db.execute("CREATE TABLE t (id int PRIMARY KEY, legacy text, unused text); INSERT INTO t VALUES (1, 'x', NULL);"
                + "CREATE TABLE empty_one (id int)");
        Plan plan = plan(db, new DropColumn(T, "legacy", null), new DropColumn(T, "unused", null),
                new DropTable(new TableName("public", "empty_one"), null), new DropTable(T, null));
        assertThat(step(plan, 1).assessment().reasons()).containsExactly(ReasonCode.DROPS_COLUMN_WITH_DATA);
        assertThat(preflight(plan, 1)).singleElement().satisfies(r -> {
            assertThat(r.check()).isEqualTo(PreflightCheck.HOLDS_DATA);
            assertThat(r.status()).isEqualTo(PreflightResult.Status.INFO);
            assertThat(r.message()).isEqualTo("public.t.legacy holds values: they are lost");
        });
        assertThat(step(plan, 2).assessment().reasons()).containsExactly(ReasonCode.DROPS_EMPTY_COLUMN);
        assertThat(step(plan, 2).assessment().facts().canLoseData()).isFalse();
        assertThat(preflight(plan, 2).get(0).message()).isEqualTo("public.t.unused holds no values (all NULL)");
        assertThat(step(plan, 3).assessment().reasons()).containsExactly(ReasonCode.DROPS_EMPTY_TABLE);
        assertThat(step(plan, 4).assessment().reasons()).containsExactly(ReasonCode.DROPS_TABLE_WITH_DATA);
        assertThat(plan.refusal().gate()).isEqualTo(GateResult.ALLOW_DESTRUCTIVE);
        assertThat(plan.gate(GateResult.ALLOW_DESTRUCTIVE).orElseThrow().offenders()).extracting(PlannedStep::stepIndex)
                .containsExactly(1, 4);
    }

    @Test
    void stepsOnTablesCreatedEarlierInThePlanAreTriviallyClean(TestDatabase db) throws Exception {
        TableName fresh = new TableName("public", "fresh");
        Plan plan = plan(db, new CreateTable(Table.of("public", "fresh", List.of(Column.of("id", "int", true),
                        Column.of("email", "text", false)))),
                new AddIndex(fresh, new Index("fresh_email", true, "btree", List.of("email"), List.of(), false, null,
                        List.of(), true), false),
                new SetNotNull(fresh, "email"), new AddColumn(fresh, Column.of("tenant", "bigint", true)));
        assertThat(plan.verdict()).isEqualTo(Verdict.GREEN);
        assertThat(preflight(plan, 2)).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(PreflightResult.Status.SKIPPED);
            assertThat(r.message()).contains("created earlier in this plan");
        });
        assertThat(preflight(plan, 3).get(0).status()).isEqualTo(PreflightResult.Status.SKIPPED);
        assertThat(preflight(plan, 4).get(0).status()).isEqualTo(PreflightResult.Status.SKIPPED);
        assertThat(step(plan, 2).assessment().level()).isEqualTo(RiskLevel.SAFE);
    }

    @Test
    void dataAnEarlierStepChangesIsLeftToApply(TestDatabase db) throws Exception {
        db.execute("CREATE TABLE t (id int PRIMARY KEY, email text); INSERT INTO t VALUES (1, NULL)");
        Plan plan = plan(db, new Backfill(T, Map.of("email", "'unknown'"), "email IS NULL", null),
                new SetNotNull(T, "email"));
        assertThat(plan.verdict()).isEqualTo(Verdict.GREEN);
        assertThat(preflight(plan, 2)).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(PreflightResult.Status.SKIPPED);
            assertThat(r.message()).contains("backfill public.t set email").contains("checked when apply runs the step");
        });
    }

    @Test
    void theDiffersOnlineNotNullRecipeIsRefusedAtItsValidation(TestDatabase db) throws Exception {
        db.execute("CREATE TABLE t (id int PRIMARY KEY, email text); INSERT INTO t VALUES (1, NULL), (2, 'x')");
        Plan plan = plan(db, new AddCheckConstraint(T, new CheckConstraint("email_not_null", "email IS NOT NULL", false,
                        false), true), new ValidateConstraint(T, "email_not_null"), new SetNotNull(T, "email"),
                new DropCheckConstraint(T, "email_not_null", null));
        assertThat(plan.refusal().step().stepIndex()).isEqualTo(2);
        assertFailed(plan, 2, PreflightCheck.CHECK_VIOLATIONS, 1, "1");
        // the check proves NOT NULL once validated: no scan, no second NULL count
        assertThat(step(plan, 3).assessment().level()).isEqualTo(RiskLevel.LOW);
        assertThat(preflight(plan, 3)).singleElement().satisfies(r ->
                assertThat(r.status()).isEqualTo(PreflightResult.Status.SKIPPED));
        assertThat(step(plan, 4).assessment().score()).isLessThan(10);
    }

    @Test
    void renamedColumnsAreCheckedUnderTheirLiveNames(TestDatabase db) throws Exception {
        db.execute("CREATE TABLE t (id int PRIMARY KEY, mail text); INSERT INTO t VALUES (1, NULL)");
        Plan plan = plan(db, new RenameColumn(T, "mail", "email"), new SetNotNull(T, "email"));
        assertFailed(plan, 2, PreflightCheck.NULLS, 1, "1");
    }

    @Test
    void aCheckThatRunsOutOfTimeIsInconclusiveAndDoesNotRefuse(TestDatabase db) throws Exception {
        db.execute("CREATE TABLE t (id int PRIMARY KEY, n int); INSERT INTO t SELECT g, g FROM generate_series(1, 3) g");
        CheckConstraint slow = new CheckConstraint("t_slow", "n > (SELECT 0 FROM pg_sleep(1))", true, false);
        Plan plan = plan(db, Plans.timeout(Duration.ofMillis(300)), new AddCheckConstraint(T, slow, false));
        PreflightResult result = preflight(plan, 1).get(0);
        assertThat(result.status()).isEqualTo(PreflightResult.Status.INCONCLUSIVE);
        assertThat(result.message()).contains("timed out after 300 ms");
        assertThat(plan.verdict()).isEqualTo(Verdict.GREEN);
        assertThat(plan.warnings()).singleElement().satisfies(w -> assertThat(w).contains("#1 preflight check_violations"));
        assertThat(plan.gate(GateResult.PREFLIGHT).orElseThrow().message()).contains("1 inconclusive");
    }

    @Test
    void countsStopAtTheCapAndSamplesAtFive(TestDatabase db) throws Exception {
        db.execute("CREATE TABLE t (id int PRIMARY KEY, email text); INSERT INTO t SELECT g, NULL FROM generate_series(1, 40) g");
        PreflightResult result = preflight(plan(db, new SetNotNull(T, "email")), 1).get(0);
        assertThat(result.count()).isEqualTo(40);
        assertThat(result.countCapped()).isFalse();
        assertThat(result.samples()).hasSize(5);
        assertThat(result.message()).startsWith("40 rows with NULL in public.t.email (e.g. id ");
    }

    @Test
    void indexKeysLoseOrderingAndOperatorClasses() {
        assertThat(Preflight.keyExpression("email DESC")).isEqualTo("email");
        assertThat(Preflight.keyExpression("email text_pattern_ops")).isEqualTo("email");
        assertThat(Preflight.keyExpression("\"Email\" DESC NULLS LAST")).isEqualTo("\"Email\"");
        assertThat(Preflight.keyExpression("lower((email)::text)")).isEqualTo("lower((email)::text)");
    }
}
