package dev.zanith.internal.plan;

import dev.zanith.api.output.Gates;
import dev.zanith.TestSettings;
import dev.zanith.api.output.GateResult;
import dev.zanith.api.output.MigrationPlan;
import dev.zanith.api.output.Plan;
import dev.zanith.api.output.PlannedStep;
import dev.zanith.api.output.PreflightResult;
import dev.zanith.api.output.Verdict;
import dev.zanith.Zanith;
import dev.zanith.ZanithConfig;
import dev.zanith.api.exception.ZanithConfigException;
import dev.zanith.api.exception.ZanithException;
import dev.zanith.internal.audit.StepRecord;
import dev.zanith.internal.command.Apply;
import dev.zanith.api.ApplyListener;
import dev.zanith.internal.introspect.IntrospectionOptions;
import dev.zanith.internal.introspect.Introspector;
import dev.zanith.api.migration.DirectoryMigrationSource;
import dev.zanith.api.ops.AddColumn;
import dev.zanith.api.ops.AddIndex;
import dev.zanith.api.ops.DropColumn;
import dev.zanith.api.ops.DropForeignKey;
import dev.zanith.api.ops.DropIndex;
import dev.zanith.api.ops.RenameTable;
import dev.zanith.api.ops.SetNotNull;
import dev.zanith.api.risk.LockMode;
import dev.zanith.api.risk.ReasonCode;
import dev.zanith.api.risk.RiskLevel;
import dev.zanith.api.risk.TableLock;
import dev.zanith.api.schema.Column;
import dev.zanith.api.schema.Index;
import dev.zanith.api.schema.TableName;
import dev.zanith.testsupport.RealPostgres;
import dev.zanith.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import static dev.zanith.internal.plan.Plans.migration;
import static dev.zanith.internal.plan.Plans.plan;
import static dev.zanith.internal.plan.Plans.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@RealPostgres
class PlannerTest {

    static final TableName T = new TableName("public", "t");
    static final String SCHEMA = """
            CREATE TABLE parent (id int PRIMARY KEY);
            CREATE TABLE t (id int PRIMARY KEY, email text, legacy text, parent_id int REFERENCES parent);
            CREATE UNIQUE INDEX t_legacy_key ON t (legacy);
            INSERT INTO parent VALUES (1);
            INSERT INTO t VALUES (1, 'a', 'x', 1), (2, NULL, 'y', 1);
            """;

    @TempDir
    Path dir;

    @Test
    void planningWritesNothingAndRunsReadOnly(TestDatabase db) throws Exception {
        db.execute(SCHEMA);
        String before = snapshot(db);
        Plan plan = plan(db, b -> b.allowDestructive(true), List.of(
                migration("20260101000000_a", new AddColumn(T, Column.of("n", "int", true)),
                        new SetNotNull(T, "email"), new AddIndex(T, Index.of("t_email", List.of("email")), false)),
                migration("20260102000000_b", new DropColumn(T, "legacy", null), new RenameTable(T, "t2"))));
        assertThat(plan.readOnly()).isTrue();
        assertThat(plan.migrations()).hasSize(2);
        assertThat(plan.steps()).hasSize(5);
        assertThat(plan.verdict()).isEqualTo(Verdict.REFUSED);
        assertThat(snapshot(db)).isEqualTo(before);
    }

    @Test
    void whatIfJudgesTheSamePlanByOtherGatesAndWritesNothing(TestDatabase db) throws Exception {
        db.execute(SCHEMA);
        Plan plan = plan(db, b -> b, List.of(migration("20260101000000_a", new DropColumn(T, "legacy", null))));
        String before = snapshot(db);
        assertThat(plan.refusal().gate()).isEqualTo(GateResult.ALLOW_DESTRUCTIVE);

        Plan consenting = Zanith.whatIf(plan, null, true, List.of());
        assertThat(consenting.verdict()).isEqualTo(Verdict.GREEN);
        assertThat(consenting.refusal()).isNull();
        assertThat(consenting.gates().allowDestructive()).isTrue();
        assertThat(consenting.steps()).isEqualTo(plan.steps());
        assertThat(consenting.fingerprint()).isEqualTo(plan.fingerprint());
        assertThat(consenting.plannedAt()).isEqualTo(plan.plannedAt());

        Plan strict = Zanith.whatIf(plan, 10, true, List.of());
        assertThat(strict.refusal().gate()).isEqualTo(GateResult.MAX_RISK);
        assertThat(Zanith.whatIf(plan, null, true, List.of("drops_column_with_data")).refusal().gate())
                .isEqualTo(GateResult.DENY_REASONS);
        assertThatThrownBy(() -> Zanith.whatIf(plan, 101, false, List.of("no_such_reason")))
                .isInstanceOf(ZanithConfigException.class).hasMessageContaining("101").hasMessageContaining("no_such_reason");
        assertThat(snapshot(db)).isEqualTo(before);
    }

    /** Catalog fingerprint, data, audit tables and the session's own settings, as text. */
    private static String snapshot(TestDatabase db) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            String fingerprint = new Introspector(IntrospectionOptions.defaults()).introspect(c).fingerprint();
            StringBuilder out = new StringBuilder(fingerprint);
            try (ResultSet rs = s.executeQuery("SELECT string_agg(t::text, ';' ORDER BY id) FROM t")) {
                rs.next();
                out.append('|').append(rs.getString(1));
            }
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_class WHERE relname LIKE '\\_zanith\\_%'")) {
                rs.next();
                out.append("|zanith tables: ").append(rs.getLong(1));
            }
            return out.toString();
        }
    }

    @Test
    void plansOnlyWhatTheLedgerSaysIsPending(TestDatabase db) throws Exception {
        db.execute("CREATE TABLE t (id int PRIMARY KEY)");
        Path migrations = Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(migrations.resolve("20260101000000_one.yaml"), """
                id: 20260101000000_one
                operations:
                  - addColumn:
                      table: t
                      column: {name: a, type: text}
                """);
        ZanithConfig config = Plans.config(db).migrations(new DirectoryMigrationSource(migrations)).build();
        // no ledger yet: everything is pending, and planning does not create the audit tables
        Plan first = new Zanith(config).plan();
        assertThat(first.migrations()).extracting(MigrationPlan::id).containsExactly("20260101000000_one");
        assertThat(new Apply(TestSettings.of(config), new ApplyListener() {
        }).run().succeeded()).isTrue();
        Files.writeString(migrations.resolve("20260102000000_two.yaml"), """
                id: 20260102000000_two
                operations:
                  - addColumn:
                      table: t
                      column: {name: b, type: text}
                """);
        Plan second = new Zanith(config).plan();
        assertThat(second.migrations()).extracting(MigrationPlan::id).containsExactly("20260102000000_two");
        assertThat(second.verdict()).isEqualTo(Verdict.GREEN);
        Files.writeString(migrations.resolve("20260101000000_one.yaml"), "# edited\n"
                + Files.readString(migrations.resolve("20260101000000_one.yaml")));
        assertThatThrownBy(() -> new Zanith(config).plan()).isInstanceOf(ZanithException.class)
                .hasMessageContaining("was changed after it was applied");
        Files.delete(migrations.resolve("20260101000000_one.yaml"));
        Files.delete(migrations.resolve("20260102000000_two.yaml"));
        Plan nothing = new Zanith(config).plan();
        assertThat(nothing.isEmpty()).isTrue();
        assertThat(nothing.verdict()).isEqualTo(Verdict.GREEN);
    }

    @Test
    void aPlanCarriesTheFingerprintOfTheSchemaItSaw(TestDatabase db) throws Exception {
        db.execute("CREATE TABLE t (id int PRIMARY KEY, email text)");
        Plan plan = plan(db, new AddColumn(T, Column.of("n", "int", false)));
        ZanithConfig config = Plans.config(db).build();
        assertThat(plan.fingerprint()).isEqualTo(new Zanith(config).inspect().fingerprint()).startsWith("sha256:");
        assertThat(plan.matches(new Zanith(config).inspect())).isTrue();
        db.execute("ALTER TABLE t ADD COLUMN other int");
        assertThat(plan.matches(new Zanith(config).inspect())).isFalse();
    }

    @Test
    void preflightNeverLocksMoreThanASelect(TestDatabase db) throws Exception {
        db.execute(SCHEMA);
        // EXCLUSIVE conflicts with every lock except ACCESS SHARE, the one a plain SELECT takes.
        try (Connection holder = db.connect(); Statement s = holder.createStatement()) {
            holder.setAutoCommit(false);
            s.execute("LOCK TABLE t IN EXCLUSIVE MODE");
            s.execute("LOCK TABLE parent IN EXCLUSIVE MODE");
            Plan plan = plan(db, Plans.timeout(Duration.ofSeconds(5)), new SetNotNull(T, "email"),
                    new AddIndex(T, new Index("t_email_key", true, "btree", List.of("email"), List.of(), false, null,
                            List.of(), true), true), new DropColumn(T, "legacy", null));
            assertThat(plan.steps().stream().flatMap(st -> st.preflight().stream()))
                    .extracting(PreflightResult::status)
                    .containsExactly(PreflightResult.Status.FAILED, PreflightResult.Status.PASSED,
                            PreflightResult.Status.INFO);
            assertThat(plan.warnings()).isEmpty();
            holder.rollback();
        }
    }

    @Test
    void eachGateRefusesAndPasses(TestDatabase db) throws Exception {
        db.execute(SCHEMA);
        AddIndex blocking = new AddIndex(T, Index.of("t_email", List.of("email")), false); // medium 30
        DropColumn drop = new DropColumn(T, "legacy", null); // destructive

        Plan overBudget = plan(db, b -> b.maxRisk(20), blocking);
        assertThat(overBudget.verdict()).isEqualTo(Verdict.REFUSED);
        assertThat(overBudget.refusal().gate()).isEqualTo(GateResult.MAX_RISK);
        assertThat(overBudget.refusal().message()).contains("#1 (addIndex) scores 30 (medium), above max-risk 20");
        assertThat(overBudget.refusal().fix()).contains("concurrently: true").contains("raise max-risk to 30");
        assertThat(plan(db, b -> b.maxRisk(30), blocking).verdict()).isEqualTo(Verdict.GREEN);
        assertThat(plan(db, blocking).gate(GateResult.MAX_RISK).orElseThrow().status()).isEqualTo(GateResult.Status.OFF);

        Plan noConsent = plan(db, drop);
        assertThat(noConsent.refusal().gate()).isEqualTo(GateResult.ALLOW_DESTRUCTIVE);
        assertThat(noConsent.refusal().message()).contains("can lose data [drops_column_with_data]");
        assertThat(noConsent.refusal().fix()).contains("--allow-destructive").contains("softDropColumn");
        Plan consent = plan(db, b -> b.allowDestructive(true), drop);
        assertThat(consent.verdict()).isEqualTo(Verdict.GREEN);
        assertThat(consent.gate(GateResult.ALLOW_DESTRUCTIVE).orElseThrow().message()).contains("1 step can lose data");

        Plan denied = plan(db, b -> b.denyReasons(Set.of("adds_index")), blocking);
        assertThat(denied.refusal().gate()).isEqualTo(GateResult.DENY_REASONS);
        assertThat(denied.refusal().message()).contains("carries denied reason adds_index (slow on big tables)");
        Plan allowed = plan(db, b -> b.denyReasons(Set.of("rename_table")), blocking);
        assertThat(allowed.verdict()).isEqualTo(Verdict.GREEN);
        assertThat(allowed.gate(GateResult.DENY_REASONS).orElseThrow().status()).isEqualTo(GateResult.Status.PASSED);

        // the gauntlet's order decides which refusal is named: preflight first
        Plan all = plan(db, b -> b.maxRisk(10).denyReasons(Set.of("adds_index")), new SetNotNull(T, "email"), blocking,
                drop);
        assertThat(all.gateResults()).extracting(GateResult::gate, GateResult::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple(GateResult.PREFLIGHT, GateResult.Status.REFUSED),
                org.assertj.core.groups.Tuple.tuple(GateResult.MAX_RISK, GateResult.Status.REFUSED),
                org.assertj.core.groups.Tuple.tuple(GateResult.ALLOW_DESTRUCTIVE, GateResult.Status.REFUSED),
                org.assertj.core.groups.Tuple.tuple(GateResult.DENY_REASONS, GateResult.Status.REFUSED));
        assertThat(all.refusal().gate()).isEqualTo(GateResult.PREFLIGHT);
        assertThat(all.refusal().step().stepIndex()).isEqualTo(1);
    }

    @Test
    void gateSettingsAreValidatedLikeTheRestOfTheConfiguration(TestDatabase db) {
        assertThatThrownBy(() -> Plans.config(db).maxRisk(101).build()).isInstanceOf(ZanithConfigException.class)
                .hasMessageContaining("max risk must be between 0 and 100, not 101");
        assertThatThrownBy(() -> Plans.config(db).denyReasons(List.of("drops_column", "raw_sql")).build())
                .isInstanceOf(ZanithConfigException.class)
                .hasMessageContaining("unknown reason code 'drops_column'")
                .hasMessageContaining("valid: adds_nullable_column, adds_required_column_without_default");
        assertThatThrownBy(() -> Plans.config(db).preflightTimeout(Duration.ZERO).build())
                .isInstanceOf(ZanithConfigException.class).hasMessageContaining("preflight timeout");
        ZanithConfig config = Plans.config(db).maxRisk(40).allowDestructive(true).denyReasons(List.of("raw_sql")).build();
        assertThat(TestSettings.of(config).gates()).isEqualTo(new Gates(40, true, Set.of("raw_sql")));
        assertThat(TestSettings.of(Plans.config(db).build()).gates()).isEqualTo(Gates.defaults());
    }

    @Test
    void insideTheCallersTransactionItLeavesEverythingAsItWas(TestDatabase db) throws Exception {
        db.execute(SCHEMA);
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("SET LOCAL statement_timeout = '123s'");
            s.execute("INSERT INTO parent VALUES (2)");
            Plan plan = TestSettings.of(Plans.config(db).build()).planner().plan(c, List.of(migration("20260101000000_x",
                    new SetNotNull(T, "email"))));
            assertThat(plan.steps()).hasSize(1);
            try (ResultSet rs = s.executeQuery("SELECT current_setting('statement_timeout'), count(*) FROM parent")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("123s");
                assertThat(rs.getLong(2)).isEqualTo(2);
            }
            c.commit();
        }
    }

    @Test
    void defaultVolatilityIsLookedUpInPgProc(TestDatabase db) throws Exception {
        db.execute("CREATE TABLE t (id int PRIMARY KEY); INSERT INTO t VALUES (1);"
                + "CREATE FUNCTION next_code() RETURNS int LANGUAGE sql VOLATILE AS 'SELECT 42'");
        AddColumn add = new AddColumn(T, Column.of("code", "int", true).withDefault("next_code()"));
        PlannedStep volatileStep = step(plan(db, add), 1);
        assertThat(volatileStep.assessment().facts().rewrite()).isTrue();
        assertThat(volatileStep.assessment().notes()).anyMatch(n -> n.contains("next_code(), volatile in pg_proc"));
        db.execute("ALTER FUNCTION next_code() IMMUTABLE");
        PlannedStep immutableStep = step(plan(db, add), 1);
        assertThat(immutableStep.assessment().facts().rewrite()).isFalse();
        assertThat(immutableStep.assessment().level()).isEqualTo(RiskLevel.LOW);
        PlannedStep uuid = step(plan(db, new AddColumn(T, Column.of("u", "uuid", false).withDefault("gen_random_uuid()"))), 1);
        assertThat(uuid.assessment().facts().rewrite()).isTrue();
        PlannedStep stamp = step(plan(db, new AddColumn(T, Column.of("at", "timestamptz", false).withDefault("now()"))), 1);
        assertThat(stamp.assessment().facts().rewrite()).isFalse();
    }

    @Test
    void aHugeTablePerStatisticsScoresHigher(TestDatabase db) throws Exception {
        db.execute("CREATE TABLE t (id int PRIMARY KEY, email text); INSERT INTO t VALUES (1, 'a'); ANALYZE t");
        AddIndex blocking = new AddIndex(T, Index.of("t_email", List.of("email")), false);
        PlannedStep small = step(plan(db, blocking), 1);
        assertThat(small.assessment().level()).isEqualTo(RiskLevel.MEDIUM);
        assertThat(small.assessment().notes()).contains("public.t has ~1 rows (" + bytes(db) + ")");
        db.execute("UPDATE pg_class SET reltuples = 50000000 WHERE oid = 't'::regclass");
        PlannedStep huge = step(plan(db, blocking), 1);
        assertThat(huge.assessment().level()).isEqualTo(RiskLevel.HIGH);
        assertThat(huge.assessment().score()).isGreaterThan(small.assessment().score());
        assertThat(huge.assessment().notes()).anyMatch(n -> n.startsWith("public.t has ~50,000,000 rows"));
        db.execute("DELETE FROM t");
        PlannedStep empty = step(plan(db, blocking), 1);
        assertThat(empty.assessment().level()).isEqualTo(RiskLevel.SAFE);
        assertThat(empty.assessment().notes()).contains("public.t is empty");
    }

    private static String bytes(TestDatabase db) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement();
             // the catalog's page counts (heap + indexes) after ANALYZE, the estimate introspection reports
             ResultSet rs = s.executeQuery("SELECT (SELECT sum(relpages) FROM pg_class WHERE oid = 't'::regclass"
                     + " OR oid IN (SELECT indexrelid FROM pg_index WHERE indrelid = 't'::regclass))"
                     + " * current_setting('block_size')::bigint")) {
            rs.next();
            long b = rs.getLong(1);
            return String.format(java.util.Locale.ROOT, "%.1f kB", b / 1024.0);
        }
    }

    @Test
    void handWrittenDropsWithoutDefinitionsAreLookedUpLive(TestDatabase db) throws Exception {
        db.execute(SCHEMA);
        Plan plan = plan(db, b -> b.allowDestructive(true), new DropIndex(T, "t_legacy_key", null, true),
                new DropForeignKey(T, "t_parent_id_fkey", null));
        assertThat(step(plan, 1).assessment().reasons()).contains(ReasonCode.DROPS_INDEX,
                ReasonCode.DROPS_UNIQUE_CONSTRAINT);
        assertThat(step(plan, 2).assessment().facts().locks()).extracting(TableLock::table, TableLock::mode)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(T, LockMode.ACCESS_EXCLUSIVE),
                        org.assertj.core.groups.Tuple.tuple(new TableName("public", "parent"), LockMode.ACCESS_EXCLUSIVE));
    }

    @Test
    void stepsAnInterruptedApplyFinishedAreShownButNotGated(TestDatabase db) throws Exception {
        db.execute("CREATE TABLE t (id int PRIMARY KEY, n int); INSERT INTO t VALUES (1, -5)");
        Path migrations = Files.createDirectories(dir.resolve("m"));
        Files.writeString(migrations.resolve("20260101000000_guard.yaml"), """
                id: 20260101000000_guard
                operations:
                  - dropColumn:
                      table: t
                      column: n
                  - addColumn:
                      table: t
                      column: {name: flag, type: boolean, notNull: true}
                """);
        ZanithConfig config = Plans.config(db).migrations(new DirectoryMigrationSource(migrations)).build();
        // An apply without gates (as an older run could have been) gets halfway: the required column fails on rows.
        assertThat(new Apply(TestSettings.of(config), new ApplyListener() {
        }, dev.zanith.internal.apply.ApplyGuard.ALLOW_ALL, dev.zanith.internal.step.StepHook.NONE).run().succeeded()).isFalse();
        Plan plan = new Zanith(config).plan();
        assertThat(plan.steps()).extracting(PlannedStep::done).containsExactly(true, false);
        assertThat(plan.toRun()).hasSize(1);
        assertThat(plan.gate(GateResult.ALLOW_DESTRUCTIVE).orElseThrow().status()).isEqualTo(GateResult.Status.PASSED);
        assertThat(plan.refusal().gate()).isEqualTo(GateResult.PREFLIGHT);
        assertThat(plan.refusal().step().stepIndex()).isEqualTo(2);
    }

    @Test
    void stepsCarryWhatApplyWritesToTheAuditRows(TestDatabase db) throws Exception {
        db.execute(SCHEMA);
        Plan plan = plan(db, b -> b.allowDestructive(true), new DropColumn(T, "legacy", null));
        StepRecord record = StepRecord.of(plan.step("20260101000000_test", 1).orElseThrow());
        assertThat(record.operationKind()).isEqualTo("dropColumn");
        assertThat(record.riskLevel()).isEqualTo("destructive");
        assertThat(record.riskScore()).isBetween(80, 100);
        assertThat(record.reasons()).containsExactly("drops_column_with_data");
        assertThat(record.sql()).isEqualTo("ALTER TABLE public.t DROP COLUMN legacy;\n");
        assertThat(plan.server().major()).isGreaterThanOrEqualTo(14);
        assertThat(plan.database()).isEqualTo(db.name());
    }

    @Test
    void planWithoutMigrationsIsAUsageError(TestDatabase db) {
        assertThatThrownBy(() -> new Zanith(Plans.config(db).build()).plan()).isInstanceOf(ZanithConfigException.class)
                .hasMessageContaining("--migrations");
    }
}
