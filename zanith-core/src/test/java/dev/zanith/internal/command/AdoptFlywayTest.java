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
import dev.zanith.api.exception.ZanithException;
import dev.zanith.api.ApplyListener;
import dev.zanith.api.output.ApplyResult;
import dev.zanith.api.output.MigrationOutcome;
import dev.zanith.api.migration.DirectoryMigrationSource;
import dev.zanith.internal.migration.FlywayChecksum;
import dev.zanith.api.output.MigrationPlan;
import dev.zanith.testsupport.RealPostgres;
import dev.zanith.testsupport.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code zanith adopt flyway} over a history real Flyway (from Maven Central) wrote. */
@RealPostgres
class AdoptFlywayTest {

    @TempDir
    Path dir;

    private Path migrations() throws Exception {
        return Files.createDirectories(dir.resolve("db"));
    }

    /** Five scripts: one with CRLF line ends, one with a byte order mark, one with non-ASCII text and a blank last line. */
    private void fiveScripts() throws Exception {
        Path m = migrations();
        Files.writeString(m.resolve("V1__create_customers.sql"), "CREATE TABLE customers (\n    id bigint PRIMARY KEY,\n"
                + "    name text NOT NULL\n);\n");
        Files.writeString(m.resolve("V2__create_orders.sql"), "CREATE TABLE orders (\r\n    id bigint PRIMARY KEY,\r\n"
                + "    customer_id bigint REFERENCES customers\r\n);\r\n");
        Files.write(m.resolve("V3__seed.sql"), ("\uFEFFINSERT INTO customers VALUES (1, 'Zoë'), (2, 'Jürgen');\n")
                .getBytes(StandardCharsets.UTF_8));
        Files.writeString(m.resolve("V4__order_total.sql"), "ALTER TABLE orders ADD COLUMN total numeric(12,2);\n\n");
        Files.writeString(m.resolve("V10__orders_index.sql"), "CREATE INDEX orders_customer_idx ON orders (customer_id);");
    }

    private void flywayMigrate(TestDatabase db, String... extra) throws Exception {
        var config = Flyway.configure().dataSource(db.jdbcUrl(), null, null).locations("filesystem:" + migrations());
        if (extra.length == 2) {
            config = config.schemas(extra[0]).table(extra[1]);
        }
        config.load().migrate();
    }

    private Zanith zanith(TestDatabase db) throws Exception {
        return new Zanith(ZanithConfig.builder().url(db.jdbcUrl()).migrations(new DirectoryMigrationSource(migrations()))
                .build());
    }

    private static AdoptRequest flyway(boolean execute) {
        return new AdoptRequest(MigrationTool.FLYWAY, null, null, execute);
    }


    @Test
    void recomputesFlywaysOwnChecksumForEveryScript() throws Exception {
        // The checksums Flyway itself records, for line ends, a byte order mark and non-ASCII text.
        fiveScripts();
        try (TestDatabase db = dev.zanith.testsupport.PostgresServer.shared().createDatabase("flywaysum")) {
            flywayMigrate(db);
            for (String row : db.queryForRows("SELECT script, checksum FROM flyway_schema_history ORDER BY installed_rank")) {
                String[] parts = row.split("\\|");
                assertThat(FlywayChecksum.of(Files.readAllBytes(migrations().resolve(parts[0]))))
                        .as(parts[0]).hasValue(Integer.parseInt(parts[1]));
            }
        }
    }

    @Test
    void adoptsFiveFlywayScriptsThenASixthZanithMigrationAppliesAlone(TestDatabase db) throws Exception {
        fiveScripts();
        flywayMigrate(db);
        String flywayTable = "SELECT * FROM flyway_schema_history ORDER BY installed_rank";
        List<String> before = db.queryForRows(flywayTable);
        Zanith zanith = zanith(db);

        AdoptResult dryRun = zanith.adopt(flyway(false));
        assertThat(dryRun.executed()).isFalse();
        assertThat(dryRun.historyTable()).isEqualTo("public.flyway_schema_history");
        assertThat(dryRun.with(AdoptOutcome.ADOPT)).extracting(AdoptEntry::migrationId).containsExactly(
                "V1__create_customers", "V2__create_orders", "V3__seed", "V4__order_total", "V10__orders_index");
        assertThat(dryRun.with(AdoptOutcome.ADOPT)).allSatisfy(e -> assertThat(e.how()).startsWith("Flyway checksum"));
        assertThat(dryRun.pending()).isEmpty();
        assertThat(db.queryForLong("SELECT count(*) FROM pg_class WHERE relname = '_zanith_migrations'"))
                .as("a dry run writes nothing").isZero();

        AdoptResult executed = zanith.adopt(flyway(true));
        assertThat(executed.executed()).isTrue();
        // the original times, users and durations; the adopted rows carry Flyway's record of them
        assertThat(db.queryForRows("SELECT m.id, m.applied_at = f.installed_on::timestamptz, m.applied_by = f.installed_by, "
                + "m.duration_ms = f.execution_time, m.kind, m.adopted_from->>'match', (m.adopted_from->>'checksum')::int "
                + "= f.checksum FROM _zanith_migrations m JOIN flyway_schema_history f ON f.script = m.id || '.sql' "
                + "ORDER BY m.applied_at, f.installed_rank")).containsExactly(
                "V1__create_customers|t|t|t|adopted|checksum|t|", "V2__create_orders|t|t|t|adopted|checksum|t|",
                "V3__seed|t|t|t|adopted|checksum|t|", "V4__order_total|t|t|t|adopted|checksum|t|",
                "V10__orders_index|t|t|t|adopted|checksum|t|");
        assertThat(db.queryForRows(flywayTable)).as("Flyway's table untouched").isEqualTo(before);
        assertThat(zanith.history()).extracting(HistoryEntry::kind).containsOnly("adopted");

        // idempotent
        AdoptResult again = zanith.adopt(flyway(true));
        assertThat(again.executed()).isFalse();
        assertThat(again.with(AdoptOutcome.ALREADY_RECORDED)).hasSize(5);
        assertThat(db.queryForLong("SELECT count(*) FROM _zanith_migrations")).isEqualTo(5);

        // a sixth migration, written for Zanith, is exactly what is pending, and applies alone
        Files.writeString(migrations().resolve("V11__customers_email.yaml"), """
                id: V11__customers_email
                operations:
                  - addColumn:
                      table: public.customers
                      column: {name: email, type: text}
                """);
        assertThat(zanith.plan().migrations()).extracting(MigrationPlan::id).containsExactly("V11__customers_email");
        assertThat(zanith.statusSummary().pending()).containsExactly("V11__customers_email");
        ApplyResult applied = zanith.apply(ApplyListener.NONE);
        assertThat(applied.succeeded()).as(String.valueOf(applied)).isTrue();
        assertThat(applied.migrations()).extracting(MigrationOutcome::id).containsExactly("V11__customers_email");
        assertThat(db.queryForLong("SELECT count(*) FROM customers")).as("the seed ran once").isEqualTo(2);
        assertThat(db.queryForRows(flywayTable)).isEqualTo(before);
    }

    @Test
    void aChangedOrMissingFileIsAProblemAndExecuteWritesNothing(TestDatabase db) throws Exception {
        fiveScripts();
        flywayMigrate(db);
        Files.writeString(migrations().resolve("V4__order_total.sql"), "ALTER TABLE orders ADD COLUMN total numeric;\n");
        Files.delete(migrations().resolve("V10__orders_index.sql"));

        AdoptResult dryRun = zanith(db).adopt(flyway(false));
        assertThat(dryRun.with(AdoptOutcome.PROBLEM)).extracting(AdoptEntry::source, AdoptEntry::how)
                .satisfiesExactly(
                        p -> assertThat(p.toList()).first().isEqualTo("V4 order total (V4__order_total.sql)"),
                        p -> assertThat(p.toList().get(1).toString()).startsWith("no file V10__orders_index.sql"));
        assertThat(dryRun.with(AdoptOutcome.PROBLEM).get(0).how()).contains("changed since Flyway ran it");

        assertThatThrownBy(() -> zanith(db).adopt(flyway(true))).isInstanceOf(ZanithException.class)
                .hasMessageStartingWith("Nothing adopted: 2 row(s) of public.flyway_schema_history do not match")
                .hasMessageContaining("V4__order_total.sql changed since Flyway ran it");
        assertThat(db.queryForLong("SELECT count(*) FROM pg_class WHERE relname = '_zanith_migrations'")).isZero();
    }

    @Test
    void executeWaitsForTheApplyLockAndWritesNothingWhileAnotherApplyHoldsIt(TestDatabase db) throws Exception {
        fiveScripts();
        flywayMigrate(db);
        long key = new dev.zanith.internal.audit.AuditTables(ZanithConfig.DEFAULT_AUDIT_SCHEMA, ZanithConfig.DEFAULT_TABLE_PREFIX)
                .lockKey("apply");
        Zanith zanith = new Zanith(ZanithConfig.builder().url(db.jdbcUrl()).lockWait(java.time.Duration.ZERO)
                .migrations(new DirectoryMigrationSource(migrations())).build());
        try (java.sql.Connection holder = db.connect(); java.sql.Statement s = holder.createStatement()) {
            s.execute("SELECT pg_advisory_lock(" + key + ")");
            assertThat(zanith.adopt(flyway(false)).with(AdoptOutcome.ADOPT)).as("a dry run takes no lock").hasSize(5);
            assertThatThrownBy(() -> zanith.adopt(flyway(true))).isInstanceOf(ZanithException.class)
                    .hasMessageContaining("lock is held by");
        }
        assertThat(db.queryForLong("SELECT count(*) FROM pg_class WHERE relname = '_zanith_migrations'")).isZero();
    }

    @Test
    void repeatableFailedAndBaselineRowsAreReportedNotGuessed(TestDatabase db) throws Exception {
        db.execute("CREATE TABLE legacy (id int)");
        Path m = migrations();
        Files.writeString(m.resolve("V1__legacy.sql"), "CREATE TABLE legacy (id int);");
        Files.writeString(m.resolve("V2__items.sql"), "CREATE TABLE items (id int);");
        Files.writeString(m.resolve("R__items_view.sql"), "CREATE OR REPLACE VIEW items_view AS SELECT id FROM items;");
        Flyway.configure().dataSource(db.jdbcUrl(), null, null).locations("filesystem:" + m)
                .baselineOnMigrate(true).baselineVersion("1").load().migrate();
        // a failed row as Flyway leaves one where a migration cannot roll back
        db.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum, "
                + "installed_by, execution_time, success) VALUES (99, '3', 'broken', 'SQL', 'V3__broken.sql', 1, "
                + "current_user, 5, false)");

        AdoptResult result = zanith(db).adopt(flyway(true));

        assertThat(result.with(AdoptOutcome.ADOPT)).extracting(AdoptEntry::migrationId).containsExactly("V2__items");
        assertThat(result.with(AdoptOutcome.REPORTED)).extracting(AdoptEntry::how).satisfiesExactly(
                how -> assertThat(how).startsWith("Flyway baseline at version 1").contains("zanith baseline --id"),
                how -> assertThat(how).startsWith("repeatable migration"),
                how -> assertThat(how).startsWith("failed in Flyway"));
        assertThat(result.with(AdoptOutcome.PROBLEM)).isEmpty();
        // reported rows are not adopted: what they map to stays pending, for the user to decide
        assertThat(result.pending()).containsExactly("R__items_view", "V1__legacy");
    }
}
