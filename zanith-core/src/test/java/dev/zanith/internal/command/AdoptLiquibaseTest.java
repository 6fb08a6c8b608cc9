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
import dev.zanith.api.ApplyListener;
import dev.zanith.api.output.ApplyResult;
import dev.zanith.api.output.MigrationOutcome;
import dev.zanith.api.migration.DirectoryMigrationSource;
import dev.zanith.api.output.MigrationPlan;
import dev.zanith.testsupport.RealPostgres;
import dev.zanith.testsupport.TestDatabase;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.DirectoryResourceAccessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code zanith adopt liquibase} over a DATABASECHANGELOG real Liquibase (from Maven Central) wrote. */
@RealPostgres
class AdoptLiquibaseTest {

    @TempDir
    Path dir;

    private Path migrations() throws Exception {
        return Files.createDirectories(dir.resolve("zanith"));
    }

    private void liquibaseUpdate(TestDatabase db) throws Exception {
        Path changelogs = Files.createDirectories(dir.resolve("liquibase"));
        Files.writeString(changelogs.resolve("changelog.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
                    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                    xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog
                        http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-latest.xsd">
                  <changeSet id="1" author="alice">
                    <createTable tableName="customers">
                      <column name="id" type="bigint"><constraints primaryKey="true"/></column>
                      <column name="name" type="text"/>
                    </createTable>
                  </changeSet>
                  <changeSet id="2" author="bob">
                    <sql>CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint REFERENCES customers)</sql>
                  </changeSet>
                  <changeSet id="3" author="alice">
                    <sql>INSERT INTO customers VALUES (1, 'a')</sql>
                  </changeSet>
                </databaseChangeLog>
                """);
        try (Connection c = db.connect()) {
            Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c));
            try (Liquibase liquibase = new Liquibase("changelog.xml", new DirectoryResourceAccessor(changelogs),
                    database)) {
                liquibase.update(new Contexts(), new LabelExpression());
            }
        }
    }

    private Zanith zanith(TestDatabase db) throws Exception {
        return new Zanith(ZanithConfig.builder().url(db.jdbcUrl()).migrations(new DirectoryMigrationSource(migrations()))
                .build());
    }


    @Test
    void adoptsEveryChangesetThenAZanithMigrationAppliesAlone(TestDatabase db) throws Exception {
        liquibaseUpdate(db);
        String changelog = "SELECT * FROM databasechangelog ORDER BY orderexecuted";
        List<String> before = db.queryForRows(changelog);
        Files.writeString(migrations().resolve("V1__customers_email.yaml"), """
                id: V1__customers_email
                operations:
                  - addColumn:
                      table: public.customers
                      column: {name: email, type: text}
                """);
        Zanith zanith = zanith(db);
        assertThat(zanith.startingPoint().foreignHistories()).extracting(ForeignHistory::tool)
                .containsExactly(MigrationTool.LIQUIBASE);

        AdoptRequest request = new AdoptRequest(MigrationTool.LIQUIBASE, null, null, false);
        AdoptResult dryRun = zanith.adopt(request);
        assertThat(dryRun.with(AdoptOutcome.ADOPT)).extracting(AdoptEntry::migrationId).containsExactly(
                "liquibase:changelog.xml::1::alice", "liquibase:changelog.xml::2::bob",
                "liquibase:changelog.xml::3::alice");
        assertThat(dryRun.with(AdoptOutcome.ADOPT).get(0).how()).startsWith("by id, author and file name");
        assertThat(dryRun.pending()).containsExactly("V1__customers_email");
        assertThat(db.queryForLong("SELECT count(*) FROM pg_class WHERE relname = '_zanith_migrations'")).isZero();

        AdoptResult executed = zanith.adopt(new AdoptRequest(MigrationTool.LIQUIBASE, "public",
                "databasechangelog", true));
        assertThat(executed.executed()).isTrue();
        assertThat(db.queryForRows("SELECT m.kind, m.applied_at = l.dateexecuted::timestamptz, m.checksum = l.md5sum, "
                + "m.adopted_from->>'author', (m.adopted_from->>'orderExecuted')::int = l.orderexecuted "
                + "FROM _zanith_migrations m JOIN databasechangelog l "
                + "ON m.id = 'liquibase:' || l.filename || '::' || l.id || '::' || l.author ORDER BY l.orderexecuted"))
                .containsExactly("adopted|t|t|alice|t|", "adopted|t|t|bob|t|", "adopted|t|t|alice|t|");
        assertThat(db.queryForRows(changelog)).as("Liquibase's table untouched").isEqualTo(before);
        assertThat(zanith.startingPoint().zanithHistory()).isTrue();

        AdoptResult again = zanith.adopt(new AdoptRequest(MigrationTool.LIQUIBASE, null, null, true));
        assertThat(again.with(AdoptOutcome.ALREADY_RECORDED)).hasSize(3);
        assertThat(db.queryForLong("SELECT count(*) FROM _zanith_migrations")).isEqualTo(3);

        assertThat(zanith.plan().migrations()).extracting(MigrationPlan::id).containsExactly("V1__customers_email");
        ApplyResult applied = zanith.apply(ApplyListener.NONE);
        assertThat(applied.migrations()).extracting(MigrationOutcome::id).containsExactly("V1__customers_email");
        assertThat(db.queryForLong("SELECT count(*) FROM customers")).as("the changesets did not run again").isOne();
    }

    @Test
    void changesetsThatDidNotRunAreReported(TestDatabase db) throws Exception {
        liquibaseUpdate(db);
        db.execute("UPDATE databasechangelog SET exectype = 'FAILED' WHERE id = '3'");
        AdoptResult result = zanith(db).adopt(new AdoptRequest(MigrationTool.LIQUIBASE, null, null, true));
        assertThat(result.with(AdoptOutcome.ADOPT)).hasSize(2);
        assertThat(result.with(AdoptOutcome.REPORTED)).singleElement().satisfies(e -> {
            assertThat(e.source()).isEqualTo("changeset 3::alice in changelog.xml");
            assertThat(e.how()).startsWith("exectype FAILED");
        });
    }
}
