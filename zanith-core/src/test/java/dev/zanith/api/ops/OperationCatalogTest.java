package dev.zanith.api.ops;

import dev.zanith.api.migration.Migration;
import dev.zanith.internal.migration.MigrationLoader;
import dev.zanith.api.migration.MigrationResource;
import dev.zanith.internal.migration.MigrationWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every operation kind exists as a typed value with SQL, a reversal and a file form. */
class OperationCatalogTest {

    private static final RenderContext CONTEXT = new RenderContext("20260101000000_x", 3, "_zanith_", "zanith_archive");

    @Test
    void everyKindInDesignMdExists() {
        List<String> required = List.of("createTable", "addColumn", "addIndex", "addUniqueConstraint", "addForeignKey",
                "addCheckConstraint", "createExtension", "createEnum", "addEnumValue", "dropTable", "dropColumn",
                "dropIndex", "dropUniqueConstraint", "dropForeignKey", "dropCheckConstraint", "dropExtension", "dropEnum",
                "alterColumnType", "setNotNull", "dropNotNull", "setDefault", "dropDefault", "renameTable",
                "renameColumn", "renameIndex", "enableRls", "disableRls", "createPolicy", "dropPolicy",
                "softDropColumn", "softDropTable", "archiveColumn", "archiveTable", "backfill", "rebuildTable",
                "validateConstraint", "rawSql");
        assertThat(Arrays.stream(OperationKind.values()).map(OperationKind::id)).containsAll(required);
        assertThat(OperationSamples.all().keySet()).containsExactlyInAnyOrder(OperationKind.values());
    }

    @ParameterizedTest
    @EnumSource(OperationKind.class)
    void rendersSqlAndAReversalAndASummary(OperationKind kind) {
        Operation operation = OperationSamples.all().get(kind);
        assertThat(operation.kind()).isEqualTo(kind);
        Statements statements = operation.render(CONTEXT);
        assertThat(statements.sql()).isNotEmpty().allSatisfy(sql -> assertThat(sql).isNotBlank().doesNotEndWith(";"));
        Reversal reversal = operation.reverse();
        assertThat(reversal.operations().isEmpty() ? reversal.note() : "ok").isNotBlank();
        assertThat(operation.summary()).isNotBlank();
    }

    @ParameterizedTest
    @EnumSource(OperationKind.class)
    void survivesTheMigrationFile(OperationKind kind) {
        Operation operation = OperationSamples.all().get(kind);
        String id = "20260101000000_catalog";
        String yaml = MigrationWriter.render(id, null, List.of(operation), List.of(), List.of());
        assertThat(yaml).contains("- " + kind.id() + ":");
        Migration migration = MigrationLoader.parse(new MigrationResource(id + ".yaml", id + ".yaml",
                yaml.getBytes(StandardCharsets.UTF_8)));
        assertThat(migration.operations()).containsExactly(operation);
    }

    @Test
    void onlineSafeRenderingsRunOutsideATransactionOrSkipTheScan() {
        assertThat(OperationSamples.all().get(OperationKind.ADD_INDEX).render(CONTEXT).transactional()).isFalse();
        assertThat(OperationSamples.all().get(OperationKind.DROP_INDEX).render(CONTEXT).transactional()).isFalse();
        assertThat(OperationSamples.all().get(OperationKind.ADD_FOREIGN_KEY).render(CONTEXT).sql().get(0)).endsWith("NOT VALID");
        assertThat(OperationSamples.all().get(OperationKind.ADD_CHECK_CONSTRAINT).render(CONTEXT).sql().get(0)).endsWith("NOT VALID");
        assertThat(new AddIndex(OperationSamples.USERS, Index0.INDEX, false).render(CONTEXT).transactional()).isTrue();
    }

    @Test
    void parkedNamesAreStableReservedAndFitPostgresLimits() {
        String parked = CONTEXT.parkedName("a_rather_long_column_name_that_goes_on_and_on_and_on_forever_x");
        assertThat(parked).startsWith("_zanith_").hasSizeLessThanOrEqualTo(63);
        assertThat(CONTEXT.parkedName("email")).isEqualTo(CONTEXT.parkedName("email"))
                .isNotEqualTo(new RenderContext("20260101000000_x", 4, "_zanith_", "zanith_archive").parkedName("email"));
        assertThat(new SoftDropColumn(OperationSamples.USERS, "email", null).render(CONTEXT).sql())
                .containsExactly("ALTER TABLE public.users RENAME COLUMN email TO " + CONTEXT.parkedName("email"),
                        "ALTER TABLE public.users ALTER COLUMN " + CONTEXT.parkedName("email") + " DROP NOT NULL",
                        "ALTER TABLE public.users ALTER COLUMN " + CONTEXT.parkedName("email") + " DROP DEFAULT");
    }

    @Test
    void rawSqlIsSplitIntoStatementsAndTheOptOutDirectiveRunsItOutsideATransaction() {
        Statements tx = new RawSql("UPDATE t SET a = 1; -- note; with a semicolon\nUPDATE t SET b = 'x;y';", null).render(CONTEXT);
        assertThat(tx.transactional()).isTrue();
        assertThat(tx.sql()).hasSize(2);
        Statements concurrent = new RawSql("-- zanith:transaction=none\nCREATE INDEX CONCURRENTLY a ON t (a);\n"
                + "CREATE INDEX CONCURRENTLY b ON t (b);", null)
                .render(CONTEXT);
        assertThat(concurrent.transactional()).isFalse();
        assertThat(concurrent.sql()).hasSize(2);
    }

    private static final class Index0 {
        static final dev.zanith.api.schema.Index INDEX = dev.zanith.api.schema.Index.of("t_a", List.of("a"));
    }
}
