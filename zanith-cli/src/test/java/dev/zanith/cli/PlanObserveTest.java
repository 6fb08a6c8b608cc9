package dev.zanith.cli;

import dev.zanith.testsupport.RealPostgres;
import dev.zanith.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

@RealPostgres
class PlanObserveTest {

    @Test
    void observeClassifiesRawSqlByWhatItDoesOnAShadow(TestDatabase db, @TempDir Path dir) throws Exception {
        db.execute("CREATE TABLE users (id bigint PRIMARY KEY, n int, name text)");
        Path migrations = Files.createDirectories(dir.resolve("m"));
        Files.writeString(migrations.resolve("V1__index_and_widen.sql"),
                "CREATE INDEX users_name ON users (name);\nALTER TABLE users ALTER COLUMN n TYPE bigint;\n");
        CliRunner.Result text = CliRunner.run("plan", "--url", db.jdbcUrl(), "--migrations", migrations.toString(),
                "--observe", "--shadow", "database");
        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out()).contains("[UNKNOWN 55]")
                .contains("observed on a shadow: amounts to addIndex, alterColumnType · ACCESS EXCLUSIVE on public.users "
                        + "· rewrites · derived medium 45 (raw_sql, adds_index, widens_column_type, rebuilds_table): "
                        + "SHARE on public.users held through a build (locks are held until the file commits); "
                        + "ACCESS EXCLUSIVE on public.users held through a rewrite");
        CliRunner.Result json = CliRunner.run("plan", "--url", db.jdbcUrl(), "--migrations", migrations.toString(),
                "--observe", "--shadow", "database", "--format", "json");
        assertThat(json.out()).contains("\"observedRawSql\" : [ {").contains("\"inferredKinds\" : [ \"addIndex\", \"alterColumnType\" ]")
                .contains("\"table\" : \"public.users\",").contains("\"mode\" : \"ACCESS EXCLUSIVE\"").contains("\"rewrites\" : true");
        CliRunner.Result plain = CliRunner.run("plan", "--url", db.jdbcUrl(), "--migrations", migrations.toString(),
                "--format", "json");
        assertThat(plain.out()).contains("\"observedRawSql\" : [ ]");
    }
}
