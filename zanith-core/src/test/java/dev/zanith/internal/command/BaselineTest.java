package dev.zanith.internal.command;

import dev.zanith.api.BaselineRequest;
import dev.zanith.api.AdoptRequest;
import dev.zanith.api.output.MigrationTool;
import dev.zanith.api.GenerateRequest;
import dev.zanith.api.output.BaselineResult;
import dev.zanith.api.output.AdoptResult;
import dev.zanith.api.output.AdoptOutcome;
import dev.zanith.api.output.AdoptEntry;
import dev.zanith.api.output.StartingPoint;
import dev.zanith.api.output.ForeignHistory;
import dev.zanith.api.output.HistoryEntry;
import dev.zanith.api.output.GenerateResult;

import dev.zanith.Zanith;
import dev.zanith.ZanithConfig;
import dev.zanith.api.exception.ZanithConfigException;
import dev.zanith.api.exception.ZanithException;
import dev.zanith.api.ApplyListener;
import dev.zanith.api.output.ApplyResult;
import dev.zanith.api.output.MigrationOutcome;
import dev.zanith.internal.audit.AuditTables;
import dev.zanith.api.output.SnapshotPhase;
import dev.zanith.api.DiffOptions;
import dev.zanith.internal.jdbc.ConnectionSource;
import dev.zanith.api.migration.DirectoryMigrationSource;
import dev.zanith.api.ops.OperationKind;
import dev.zanith.api.output.MigrationPlan;
import dev.zanith.internal.shadow.ShadowProviders;
import dev.zanith.testsupport.RealPostgres;
import dev.zanith.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code zanith baseline} on a real server: nothing runs, files at or before it count as applied everywhere. */
@RealPostgres
class BaselineTest {

    @TempDir
    Path dir;

    private Path migrations() throws Exception {
        return Files.createDirectories(dir.resolve("migrations"));
    }

    private Zanith zanith(TestDatabase db) throws Exception {
        return new Zanith(ZanithConfig.builder().url(db.jdbcUrl()).lockWait(Duration.ZERO)
                .migrations(new DirectoryMigrationSource(migrations())).build());
    }

    /** A database built by hand (or another tool) before Zanith, with the files that built it. */
    private void existingDatabase(TestDatabase db) throws Exception {
        db.execute("CREATE TABLE customers (id bigint PRIMARY KEY, name text NOT NULL);"
                + "INSERT INTO customers VALUES (1, 'a'), (2, 'b');"
                + "CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint REFERENCES customers);");
        Files.writeString(migrations().resolve("V1__customers.sql"),
                "CREATE TABLE customers (id bigint PRIMARY KEY, name text NOT NULL);");
        Files.writeString(migrations().resolve("V2__orders.sql"),
                "CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint REFERENCES customers);");
        Files.writeString(migrations().resolve("V3__order_total.sql"), "ALTER TABLE orders ADD COLUMN total numeric;");
    }

    @Test
    void recordsTheSchemaRunsNothingAndPlanApplyStatusAgreeOnWhatItCovers(TestDatabase db) throws Exception {
        existingDatabase(db);
        Zanith zanith = zanith(db);

        BaselineResult result = zanith.baseline(new BaselineRequest("V2__orders", null, false));

        assertThat(result.covered()).containsExactly("V1__customers", "V2__orders");
        assertThat(result.pending()).containsExactly("V3__order_total");
        assertThat(result.tables()).isEqualTo(2);
        assertThat(result.description()).isEqualTo("baseline of 2 table(s) in public");
        // the ledger row is marked as a baseline; its checksum is the fingerprint of the recorded schema
        try (Connection c = db.connect(); Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT kind, checksum, duration_ms FROM _zanith_migrations")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString("kind")).isEqualTo("baseline");
            assertThat(rs.getString("checksum")).isEqualTo(result.fingerprint());
            assertThat(rs.getLong("duration_ms")).isZero();
            assertThat(rs.next()).isFalse();
        }
        assertThat(db.queryForLong("SELECT count(*) FROM _zanith_migration_steps")).isZero();
        var before = zanith.snapshot("V2__orders:before").orElseThrow();
        var after = zanith.snapshot("V2__orders:after").orElseThrow();
        assertThat(before.info().phase()).isEqualTo(SnapshotPhase.BEFORE);
        assertThat(before.info().fingerprint()).isEqualTo(after.info().fingerprint()).isEqualTo(result.fingerprint());
        assertThat(before.graph().tables()).hasSize(2);

        // plan, status (full and summary) and history agree
        assertThat(zanith.plan().migrations()).extracting(MigrationPlan::id).containsExactly("V3__order_total");
        assertThat(zanith.status().pending()).extracting(m -> m.id()).containsExactly("V3__order_total");
        assertThat(zanith.status().changed()).isEmpty();
        assertThat(zanith.statusSummary().pending()).containsExactly("V3__order_total");
        assertThat(zanith.history()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo("baseline");
            assertThat(e.status()).isEqualTo("applied");
        });

        // apply runs V3 alone (V1 and V2 would fail: their tables exist)
        ApplyResult applied = zanith.apply(ApplyListener.NONE);
        assertThat(applied.succeeded()).as(String.valueOf(applied)).isTrue();
        assertThat(applied.migrations()).extracting(MigrationOutcome::id).containsExactly("V3__order_total");
        assertThat(db.queryForLong("SELECT count(*) FROM information_schema.columns WHERE table_name = 'orders' "
                + "AND column_name = 'total'")).isOne();
        assertThat(zanith.history()).extracting(HistoryEntry::kind).containsExactly("baseline", "migration");
    }

    @Test
    void aCoveredFileMayDifferFromWhatTheDatabaseRanForTheBaselineRecordedTheSchemaNotTheFiles(TestDatabase db)
            throws Exception {
        existingDatabase(db);
        Zanith zanith = zanith(db);
        zanith.baseline(new BaselineRequest("V2__orders", null, false));
        Files.writeString(migrations().resolve("V2__orders.sql"), "-- tidied up\nCREATE TABLE orders (id bigint PRIMARY "
                + "KEY, customer_id bigint REFERENCES customers);");
        assertThat(zanith.plan().migrations()).extracting(MigrationPlan::id).containsExactly("V3__order_total");
        assertThat(zanith.status().changed()).isEmpty();
    }

    @Test
    void refusesWhenZanithHistoryExistsUnlessAllowedAndNeverRecordsAnIdTwice(TestDatabase db) throws Exception {
        existingDatabase(db);
        Zanith zanith = zanith(db);
        zanith.baseline(new BaselineRequest("V1__customers", null, false));

        assertThatThrownBy(() -> zanith.baseline(new BaselineRequest("V2__orders", null, false)))
                .isInstanceOf(ZanithException.class)
                .hasMessageContaining("already has Zanith history (1 ledger row(s)")
                .hasMessageContaining("--allow-history");
        assertThat(db.queryForLong("SELECT count(*) FROM _zanith_migrations")).isOne();
        assertThatThrownBy(() -> zanith.baseline(new BaselineRequest("V1__customers", null, true)))
                .hasMessageContaining("already holds 'V1__customers'");

        zanith.baseline(new BaselineRequest("V2__orders", "taken over in December", true));
        // the later baseline counts
        assertThat(zanith.status().pending()).extracting(m -> m.id()).containsExactly("V3__order_total");
        assertThat(zanith.history()).extracting(e -> e.applied().description())
                .containsExactly("baseline of 2 table(s) in public", "taken over in December");
    }

    @Test
    void withoutAnIdNoFileCountsAsAppliedSoNothingWrittenForTheDatabaseIsSkippedSilently(TestDatabase db)
            throws Exception {
        db.execute("CREATE TABLE users (id bigint PRIMARY KEY)");
        Files.writeString(migrations().resolve("0001_users_email.sql"), "ALTER TABLE users ADD COLUMN email text;");
        Files.writeString(migrations().resolve("20200101000000_users_name.sql"), "ALTER TABLE users ADD COLUMN name text;");
        Files.writeString(migrations().resolve("V1__users_age.sql"), "ALTER TABLE users ADD COLUMN age int;");
        BaselineResult result = zanith(db).baseline(new BaselineRequest(null, null, false));
        assertThat(result.id()).isEqualTo(BaselineRequest.DEFAULT_ID);
        assertThat(result.covered()).isEmpty();
        assertThat(result.pending()).containsExactly("0001_users_email", "20200101000000_users_name", "V1__users_age");
    }

    @Test
    void refusesAnIdNoMigrationCouldHave(TestDatabase db) throws Exception {
        assertThatThrownBy(() -> zanith(db).baseline(new BaselineRequest("recover:x", null, false)))
                .isInstanceOf(ZanithConfigException.class);
        assertThatThrownBy(() -> zanith(db).baseline(new BaselineRequest(" v1", null, false)))
                .isInstanceOf(ZanithConfigException.class);
    }

    @Test
    void waitsForTheApplyLockAndRecordsNothingWhileAnotherApplyHoldsIt(TestDatabase db) throws Exception {
        existingDatabase(db);
        long key = new AuditTables(ZanithConfig.DEFAULT_AUDIT_SCHEMA, ZanithConfig.DEFAULT_TABLE_PREFIX).lockKey("apply");
        try (Connection holder = db.connect(); Statement s = holder.createStatement()) {
            s.execute("SELECT pg_advisory_lock(" + key + ")");
            assertThatThrownBy(() -> zanith(db).baseline(new BaselineRequest("V2__orders", null, false)))
                    .isInstanceOf(ZanithException.class).hasMessageContaining("lock is held by");
        }
        assertThat(db.queryForLong("SELECT count(*) FROM pg_class WHERE relname = '_zanith_migrations'")).isZero();
    }

    @Test
    void afterABaselineGenerateWritesOnlyTheChange(TestDatabase db) throws Exception {
        existingDatabase(db);
        zanith(db).baseline(new BaselineRequest("V2__orders", null, false));
        Files.delete(migrations().resolve("V3__order_total.sql"));
        Path declared = dir.resolve("schema.sql");
        Files.writeString(declared, """
                CREATE TABLE customers (id bigint PRIMARY KEY, name text NOT NULL, email text);
                CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint REFERENCES customers);
                """);
        GenerateResult generated = new Generate(dev.zanith.TestSettings.of(ZanithConfig.builder().url(db.jdbcUrl())
                .migrations(new DirectoryMigrationSource(migrations())).build()))
                .run(new GenerateRequest(declared, migrations(), null, DiffOptions.defaults(),
                        ShadowProviders.temporaryDatabase(ConnectionSource.of(db.jdbcUrl(), null, null)), Instant.now(),
                        null));
        assertThat(generated.operations()).singleElement().satisfies(op -> {
            assertThat(op.kind()).isEqualTo(OperationKind.ADD_COLUMN);
            assertThat(op.summary()).contains("email");
        });
        // named after the newest id (the baseline's V2): a timestamp would sort before V2 and count as covered
        assertThat(generated.id()).isEqualTo("V3__add_customers_email");
        List<String> ids = zanith(db).status().pending().stream().map(m -> m.id()).toList();
        assertThat(ids).containsExactly(generated.id());
    }

    @Test
    void aLedgerWrittenBeforeTheKindColumnsExistedStillReads(TestDatabase db) throws Exception {
        Files.writeString(migrations().resolve("V1__customers.sql"),
                "CREATE TABLE customers (id bigint PRIMARY KEY, name text NOT NULL);");
        Zanith zanith = zanith(db);
        assertThat(zanith.apply(ApplyListener.NONE).succeeded()).isTrue();
        // The ledger as an older Zanith left it: read-only commands must not need the upgrade that apply runs.
        db.execute("ALTER TABLE _zanith_migrations DROP COLUMN kind, DROP COLUMN adopted_from, DROP COLUMN repairs");
        Files.writeString(migrations().resolve("V2__orders.sql"), "CREATE TABLE orders (id bigint PRIMARY KEY);");

        Zanith fresh = zanith(db);
        assertThat(fresh.status().applied()).extracting(a -> a.id()).containsExactly("V1__customers");
        assertThat(fresh.statusSummary().pending()).containsExactly("V2__orders");
        assertThat(fresh.history()).extracting(HistoryEntry::id).containsExactly("V1__customers");
        assertThat(fresh.plan().migrations()).extracting(MigrationPlan::id).containsExactly("V2__orders");
        assertThat(fresh.apply(ApplyListener.NONE).succeeded()).isTrue();
        assertThat(fresh.status().applied()).extracting(a -> a.id()).containsExactly("V1__customers", "V2__orders");
    }
}
