package dev.zanith.cli;

import dev.zanith.testsupport.RealPostgres;
import dev.zanith.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;

import static org.assertj.core.api.Assertions.assertThat;

/** Apply enforces the same gauntlet as plan, inside its lock, and writes what it measured into the step rows. */
@RealPostgres
class ApplyGatesTest {

    private static final String LIVE = "CREATE TABLE users (id bigint PRIMARY KEY, n integer, legacy text);"
            + "INSERT INTO users SELECT g, g, 'x' FROM generate_series(1, 100) g;";

    @TempDir
    Path dir;

    private Path migration(String operations) throws Exception {
        Path migrations = Files.createDirectories(dir.resolve("m"));
        Files.writeString(migrations.resolve("20260101000000_change.yaml"),
                "id: 20260101000000_change\noperations:\n" + operations);
        return migrations;
    }

    private static CliRunner.Result apply(TestDatabase db, Path migrations, String... extra) {
        String[] base = {"apply", "--url", db.jdbcUrl(), "--migrations", migrations.toString()};
        String[] args = java.util.Arrays.copyOf(base, base.length + extra.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return CliRunner.run(args);
    }

    private static String scalar(TestDatabase db, String sql) throws Exception {
        try (Connection c = db.connect(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void maxRiskRefusesBeforeAnythingRuns(TestDatabase db) throws Exception {
        db.execute(LIVE);
        Path m = migration("""
                  - addColumn: {table: users, column: {name: note, type: text}}
                  - alterColumnType: {table: users, column: n, type: bigint}
                """);
        CliRunner.Result refused = apply(db, m, "--max-risk", "10");
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.REFUSED);
        assertThat(refused.err()).contains("apply refused, nothing was applied").contains("max-risk gate")
                .contains("20260101000000_change #2");
        assertThat(scalar(db, "SELECT count(*) FROM information_schema.columns WHERE table_name = 'users' AND column_name = 'note'"))
                .as("step 1 did not run either").isEqualTo("0");
        assertThat(scalar(db, "SELECT count(*) FROM _zanith_migrations")).isEqualTo("0");
        assertThat(apply(db, m, "--max-risk", "80").exitCode()).isZero();
    }

    @Test
    void stepsThatCanLoseDataNeedConsent(TestDatabase db) throws Exception {
        db.execute(LIVE);
        Path m = migration("  - dropColumn: {table: users, column: legacy}\n");
        CliRunner.Result refused = apply(db, m);
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.REFUSED);
        assertThat(refused.err()).contains("allow-destructive").contains("can lose data");
        assertThat(scalar(db, "SELECT count(*) FROM information_schema.columns WHERE column_name = 'legacy'")).isEqualTo("1");
        CliRunner.Result consented = apply(db, m, "--allow-destructive");
        assertThat(consented.exitCode()).as(consented.err()).isZero();
        assertThat(scalar(db, "SELECT risk_level || ' ' || risk_score || ' ' || array_to_string(reasons, ',') "
                + "FROM _zanith_migration_steps")).isEqualTo("destructive 85 drops_column_with_data");
    }

    @Test
    void deniedReasonsRefuse(TestDatabase db) throws Exception {
        db.execute(LIVE);
        Path m = migration("  - renameColumn: {table: users, column: n, newName: number}\n");
        CliRunner.Result refused = apply(db, m, "--deny-reasons", "rename_column");
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.REFUSED);
        assertThat(refused.err()).contains("deny-reasons gate");
        assertThat(apply(db, m, "--deny-reasons", "rename_table").exitCode()).isZero();
    }

    @Test
    void aStalePlanIsRefused(TestDatabase db) throws Exception {
        db.execute(LIVE);
        Path m = migration("  - addColumn: {table: users, column: {name: note, type: text}}\n");
        CliRunner.Result plan = CliRunner.run("plan", "--url", db.jdbcUrl(), "--migrations", m.toString(), "--format", "json");
        Path planFile = dir.resolve("plan.json");
        Files.writeString(planFile, plan.out());
        db.execute("ALTER TABLE users ADD COLUMN sneaky int");
        CliRunner.Result refused = apply(db, m, "--plan", planFile.toString());
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.REFUSED);
        assertThat(refused.err()).contains("stale plan").contains("run zanith plan again");
        db.execute("ALTER TABLE users DROP COLUMN sneaky");
        assertThat(apply(db, m, "--plan", planFile.toString()).exitCode()).isZero();
    }

    @Test
    void verifyFirstRefusesWhatFailsOnTheShadow(TestDatabase db) throws Exception {
        db.execute(LIVE);
        Path m = migration("""
                  - addColumn: {table: users, column: {name: note, type: text}}
                  - rawSql: {sql: "ALTER TABLE users ADD COLUMN note text"}
                """);
        CliRunner.Result refused = apply(db, m, "--verify", "--shadow", "database");
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.REFUSED);
        assertThat(refused.out()).contains("FAILED");
        assertThat(refused.err()).contains("verify says FAILED");
        assertThat(scalar(db, "SELECT count(*) FROM information_schema.columns WHERE column_name = 'note'")).isEqualTo("0");
        Files.writeString(m.resolve("20260101000000_change.yaml"), "id: 20260101000000_change\noperations:\n"
                + "  - addColumn: {table: users, column: {name: note, type: text}}\n");
        CliRunner.Result applied = apply(db, m, "--verify", "--shadow", "database");
        assertThat(applied.exitCode()).as(applied.err()).isZero();
        assertThat(applied.out()).contains("VERIFIED").contains("Applied 1 migration.");
    }
}
