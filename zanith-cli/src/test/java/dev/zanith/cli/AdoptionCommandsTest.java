package dev.zanith.cli;

import dev.zanith.testsupport.RealPostgres;
import dev.zanith.testsupport.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code zanith baseline} and {@code zanith adopt} on the command line (in-process, no terminal). */
@RealPostgres
class AdoptionCommandsTest {

    @TempDir
    Path dir;

    private CliRunner.Result run(TestDatabase db, String verb, String... extra) {
        List<String> args = new ArrayList<>(List.of(verb.split(" ")));
        args.addAll(List.of("--url", db.jdbcUrl()));
        args.addAll(List.of(extra));
        return CliRunner.run(args.toArray(String[]::new));
    }

    private Path migrations() throws Exception {
        return Files.createDirectories(dir.resolve("migrations"));
    }

    @Test
    void baselineRecordsTheStartingPointShowsItInHistoryAndRefusesASecondOneUnlessAllowed(TestDatabase db)
            throws Exception {
        db.execute("CREATE TABLE users (id bigint PRIMARY KEY)");
        Files.writeString(migrations().resolve("V1__users.sql"), "CREATE TABLE users (id bigint PRIMARY KEY);");
        Files.writeString(migrations().resolve("V2__users_email.sql"), "ALTER TABLE users ADD COLUMN email text;");

        CliRunner.Result baseline = run(db, "baseline", "--migrations", migrations().toString(), "--id", "V1__users",
                "--description", "taken over");
        assertThat(baseline.exitCode()).as(baseline.err()).isZero();
        assertThat(baseline.out()).contains("Baseline V1__users recorded").contains("1 table(s)")
                .contains("counts as applied: V1__users").contains("pending:           V2__users_email");

        CliRunner.Result history = run(db, "history");
        assertThat(history.out()).containsPattern("V1__users\\s+baseline\\s+applied");
        assertThat(run(db, "history", "--format", "json").out()).contains("\"kind\" : \"baseline\"");
        CliRunner.Result status = run(db, "status", "--migrations", migrations().toString());
        assertThat(status.out()).contains("baseline: V1__users (migration files sorting at or before it count as applied")
                .contains("pending: 1 migration").contains("  V2__users_email");
        assertThat(run(db, "status", "--format", "json").out()).contains("\"kind\" : \"baseline\"");

        CliRunner.Result again = run(db, "baseline", "--id", "V2__users_email");
        assertThat(again.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(again.err()).contains("already has Zanith history").contains("--allow-history")
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(run(db, "baseline", "--id", "V2__users_email", "--allow-history").exitCode()).isZero();
        assertThat(run(db, "plan", "--migrations", migrations().toString()).out()).contains("every migration has been applied");
    }

    @Test
    void adoptFlywayDryRunThenExecuteWithFlywaysOwnSchemaAndTableNames(TestDatabase db) throws Exception {
        Path m = migrations();
        Files.writeString(m.resolve("V1__customers.sql"), "CREATE TABLE public.customers (id bigint PRIMARY KEY);\n");
        Files.writeString(m.resolve("V2__orders.sql"), "CREATE TABLE public.orders (id bigint PRIMARY KEY);\n");
        // Flyway keeps its history in its default schema (the first of its schemas)
        Flyway.configure().dataSource(db.jdbcUrl(), null, null).locations("filesystem:" + m).schemas("meta")
                .table("schema_log").load().migrate();
        Files.writeString(m.resolve("V3__orders_total.sql"), "ALTER TABLE public.orders ADD COLUMN total numeric;\n");

        CliRunner.Result missing = run(db, "adopt flyway", "--migrations", m.toString());
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(missing.err()).contains("No Flyway history table public.flyway_schema_history")
                .contains("--flyway-schema").contains("--flyway-table");

        CliRunner.Result dryRun = run(db, "adopt flyway", "--migrations", m.toString(), "--flyway-schema", "meta",
                "--flyway-table", "schema_log");
        assertThat(dryRun.exitCode()).as(dryRun.err()).isZero();
        assertThat(dryRun.out()).contains("history meta.schema_log").contains("dry run: nothing written")
                .contains("V1 customers (V1__customers.sql)  ->  V1__customers").contains("to adopt: Flyway checksum")
                .contains("2 to adopt, 0 already recorded").contains("Pending after adoption: V3__orders_total");
        assertThat(db.queryForLong("SELECT count(*) FROM pg_class WHERE relname = '_zanith_migrations'")).isZero();

        CliRunner.Result executed = run(db, "adopt flyway", "--migrations", m.toString(), "--flyway-schema", "meta",
                "--flyway-table", "schema_log", "--execute", "--format", "json");
        assertThat(executed.exitCode()).as(executed.err()).isZero();
        assertThat(executed.out()).contains("\"executed\" : true").contains("\"outcome\" : \"adopt\"")
                .contains("\"pending\" : [ \"V3__orders_total\" ]");
        assertThat(run(db, "history").out()).containsPattern("V1__customers\\s+adopted\\s+applied");

        CliRunner.Result plan = run(db, "plan", "--migrations", m.toString(), "--format", "json");
        assertThat(plan.out()).contains("V3__orders_total").doesNotContain("V1__customers").doesNotContain("V2__orders\"");
        CliRunner.Result apply = run(db, "apply", "--migrations", m.toString(), "--yes");
        assertThat(apply.exitCode()).as(apply.err() + apply.out()).isZero();
        assertThat(db.queryForLong("SELECT count(*) FROM _zanith_migrations WHERE kind = 'migration'")).isOne();
    }

    @Test
    void adoptFlywayWithAChangedFileExitsOneAndExecuteWritesNothing(TestDatabase db) throws Exception {
        Path m = migrations();
        Files.writeString(m.resolve("V1__customers.sql"), "CREATE TABLE customers (id bigint PRIMARY KEY);\n");
        Flyway.configure().dataSource(db.jdbcUrl(), null, null).locations("filesystem:" + m).load().migrate();
        Files.writeString(m.resolve("V1__customers.sql"), "CREATE TABLE customers (id int PRIMARY KEY);\n");

        CliRunner.Result dryRun = run(db, "adopt flyway", "--migrations", m.toString());
        assertThat(dryRun.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(dryRun.out()).contains("problem: ").contains("changed since Flyway ran it");
        CliRunner.Result executed = run(db, "adopt flyway", "--migrations", m.toString(), "--execute");
        assertThat(executed.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(executed.err()).contains("Nothing adopted: 1 row(s)").doesNotContain("\tat ");
        assertThat(db.queryForLong("SELECT count(*) FROM pg_class WHERE relname = '_zanith_migrations'")).isZero();
    }
}
