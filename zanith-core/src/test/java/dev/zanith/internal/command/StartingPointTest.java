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
import dev.zanith.testsupport.RealPostgres;
import dev.zanith.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What "not empty" and "managed by another tool" mean, read from a real catalog. */
@RealPostgres
class StartingPointTest {

    private static Zanith zanith(TestDatabase db) {
        return new Zanith(ZanithConfig.builder().url(db.jdbcUrl()).build());
    }

    @Test
    void anEmptyDatabaseNeedsNothing(TestDatabase db) {
        StartingPoint report = zanith(db).startingPoint();
        assertThat(report.zanithHistory()).isFalse();
        assertThat(report.userTables()).isEmpty();
        assertThat(report.foreignHistories()).isEmpty();
        assertThat(report.needsBaseline()).isFalse();
    }

    @Test
    void onlyTablesOfTheTargetSchemasThatNoExtensionOwnsMakeItNonEmpty(TestDatabase db) {
        db.execute("""
                CREATE SCHEMA elsewhere;
                CREATE TABLE elsewhere.notes (id int);
                CREATE TABLE public.owned_by_extension (id int);
                ALTER EXTENSION plpgsql ADD TABLE public.owned_by_extension;
                CREATE VIEW public.v AS SELECT 1 AS one;
                CREATE SEQUENCE public.s;
                """);
        assertThat(zanith(db).startingPoint().needsBaseline()).isFalse();

        db.execute("CREATE TABLE public.events (id int, at date) PARTITION BY RANGE (at);"
                + "CREATE TABLE public.events_2026 PARTITION OF public.events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');");
        StartingPoint report = zanith(db).startingPoint();
        assertThat(report.userTables()).containsExactly("public.events");
        assertThat(report.needsBaseline()).isTrue();
    }

    @Test
    void recognisesFlywayAndLiquibaseHistoryByTheirColumnsWhateverTheirNames(TestDatabase db) {
        db.execute("""
                CREATE SCHEMA meta;
                CREATE TABLE meta.schema_log (installed_rank int PRIMARY KEY, version varchar(50), description varchar(200),
                    type varchar(20), script varchar(1000), checksum int, installed_by varchar(100),
                    installed_on timestamp, execution_time int, success boolean);
                CREATE TABLE public.databasechangelog (id varchar(255), author varchar(255), filename varchar(255),
                    dateexecuted timestamp, orderexecuted int, exectype varchar(10), md5sum varchar(35));
                """);
        StartingPoint report = zanith(db).startingPoint();
        assertThat(report.foreignHistories()).containsExactly(
                new ForeignHistory(MigrationTool.FLYWAY, "meta", "schema_log"),
                new ForeignHistory(MigrationTool.LIQUIBASE, "public", "databasechangelog"));
        // a history table alone is not application data
        assertThat(report.userTables()).isEmpty();
    }

    @Test
    void aBaselineIsZanithHistory(TestDatabase db) {
        db.execute("CREATE TABLE users (id int)");
        zanith(db).baseline(new BaselineRequest("V1__users", null, false));
        StartingPoint report = zanith(db).startingPoint();
        assertThat(report.zanithHistory()).isTrue();
        assertThat(report.userTables()).as("not read once Zanith manages the target").isEmpty();
        assertThat(report.needsBaseline()).isFalse();
    }
}
