package dev.zanith.internal.command;

import dev.zanith.TestSettings;
import dev.zanith.ZanithConfig;
import dev.zanith.api.DiffOptions;
import dev.zanith.api.GenerateRequest;
import dev.zanith.api.ops.OperationKind;
import dev.zanith.api.output.GenerateResult;
import dev.zanith.api.output.Plan;
import dev.zanith.api.output.PlannedStep;
import dev.zanith.api.risk.ReasonCode;
import dev.zanith.api.risk.TableLock;
import dev.zanith.internal.jdbc.ConnectionSource;
import dev.zanith.internal.shadow.ShadowProviders;
import dev.zanith.testsupport.RealPostgres;
import dev.zanith.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code generate} with views end to end: the file it writes is proven on a shadow, planned without a refused step
 * (the view over a retyped column is dropped before the type change and created after), applied by the real
 * runner, and a second generate has nothing to do.
 */
@RealPostgres
class ViewGenerateTest {

    @TempDir
    Path dir;

    private static final String OLD = """
            CREATE TABLE orders (id bigint PRIMARY KEY, total numeric(12,2), status text);
            INSERT INTO orders SELECT g, g, 's' || (g % 3) FROM generate_series(1, 30) g;
            CREATE VIEW paid AS SELECT id, total FROM orders WHERE total > 0;
            CREATE MATERIALIZED VIEW stats AS SELECT status, count(*) AS n, sum(total) AS total FROM orders GROUP BY status;
            CREATE UNIQUE INDEX stats_status ON stats (status);
            """;
    private static final String NEW = """
            CREATE TABLE orders (id bigint PRIMARY KEY, total numeric(14,2), status text);
            CREATE VIEW paid AS SELECT id, total FROM orders WHERE total > 0;
            CREATE VIEW big_paid AS SELECT id FROM paid WHERE total > 10;
            CREATE MATERIALIZED VIEW stats AS SELECT status, count(*) AS n, sum(total) AS total FROM orders GROUP BY status;
            CREATE UNIQUE INDEX stats_status ON stats (status);
            COMMENT ON MATERIALIZED VIEW stats IS 'orders per status';
            """;

    private GenerateResult generate(TestDatabase db) throws Exception {
        Path declared = dir.resolve("schema.sql");
        Files.writeString(declared, NEW);
        ZanithConfig config = ZanithConfig.builder().url(db.jdbcUrl()).build();
        return new Generate(TestSettings.of(config)).run(new GenerateRequest(declared, dir.resolve("migrations"), null,
                DiffOptions.defaults(), ShadowProviders.temporaryDatabase(ConnectionSource.of(db.jdbcUrl(), null, null)),
                Instant.now(), null));
    }

    private ZanithConfig.Builder config(TestDatabase db) {
        return ZanithConfig.builder().url(db.jdbcUrl())
                .migrations(new dev.zanith.api.migration.DirectoryMigrationSource(dir.resolve("migrations")));
    }

    @Test
    void aViewOverARetypedColumnIsDroppedBeforeAndCreatedAfterAndTheFileIsProven(TestDatabase db) throws Exception {
        db.execute(OLD);
        GenerateResult result = generate(db);
        assertThat(result.file()).isNotNull();
        List<OperationKind> kinds = result.operations().stream().map(o -> o.kind()).toList();
        assertThat(kinds).containsSubsequence(OperationKind.DROP_VIEW, OperationKind.ALTER_COLUMN_TYPE,
                OperationKind.CREATE_VIEW, OperationKind.CREATE_VIEW);
        assertThat(kinds).containsSubsequence(OperationKind.DROP_MATERIALIZED_VIEW, OperationKind.ALTER_COLUMN_TYPE,
                OperationKind.CREATE_MATERIALIZED_VIEW);

        Plan plan = new dev.zanith.Zanith(config(db).build()).plan();
        assertThat(plan.steps()).filteredOn(s -> s.operation().kind() == OperationKind.ALTER_COLUMN_TYPE).singleElement()
                .satisfies(step -> assertThat(step.assessment().facts().locks())
                        .noneMatch(l -> l.held().equals(TableLock.REFUSED)));
        assertThat(plan.steps()).filteredOn(s -> s.operation().kind() == OperationKind.CREATE_MATERIALIZED_VIEW)
                .singleElement().satisfies(step -> assertThat(step.assessment().reasons())
                        .contains(ReasonCode.CREATES_VIEW, ReasonCode.REFRESHES_MATERIALIZED_VIEW));
        assertThat(plan.steps()).extracting(PlannedStep::preflightFailed).containsOnly(false);

        dev.zanith.api.output.ApplyResult applied = new Apply(TestSettings.of(config(db).allowDestructive(true).maxRisk(100)
                .build()), dev.zanith.api.ApplyListener.NONE).run();
        assertThat(applied.succeeded()).as(String.valueOf(applied)).isTrue();
        assertThat(db.queryForLong("SELECT count(*) FROM big_paid")).isEqualTo(20);
        assertThat(db.queryForLong("SELECT sum(n) FROM stats")).isEqualTo(30);
        assertThat(generate(db).nothingToDo()).isTrue();
    }
}
