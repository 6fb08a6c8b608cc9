package dev.zanith.internal.diff;

import dev.zanith.api.DiffOptions;
import dev.zanith.api.RenameHint;
import dev.zanith.api.output.DiffResult;
import dev.zanith.internal.introspect.IntrospectionOptions;
import dev.zanith.api.migration.Migration;
import dev.zanith.internal.migration.MigrationLoader;
import dev.zanith.api.migration.MigrationResource;
import dev.zanith.internal.migration.MigrationWriter;
import dev.zanith.api.ops.Operation;
import dev.zanith.api.ops.OperationKind;
import dev.zanith.api.ops.RenderContext;
import dev.zanith.api.ops.SchemaEffect;
import dev.zanith.api.schema.Column;
import dev.zanith.api.schema.SchemaGraph;
import dev.zanith.testsupport.PostgresServer;
import dev.zanith.testsupport.RealPostgres;
import dev.zanith.testsupport.TestDatabase;
import dev.zanith.testsupport.TestRoles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The acceptance table: old DDL in one fresh database, new DDL in another; generate the operations, apply
 * them to the first, and the result must be the second (graphs equal up to column order, re-diff empty).
 */
@RealPostgres
class DiffAcceptanceTest {

    /** All rows, or with {@code -Dzanith.acceptance.only=text} those whose name contains the text (while developing). */
    static Stream<AcceptanceCase> cases() {
        String only = System.getProperty("zanith.acceptance.only", "");
        return AcceptanceCases.all().stream().filter(c -> c.name.contains(only));
    }

    @Test
    void theTableCoversAtLeastEightyCases() {
        assertThat(AcceptanceCases.all()).hasSizeGreaterThanOrEqualTo(80);
        assertThat(AcceptanceCases.all().stream().map(c -> c.name).distinct().count()).isEqualTo(AcceptanceCases.all().size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void migratesOldSchemaToNewSchema(AcceptanceCase c, PostgresServer server) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(server.majorVersion() >= c.minimumServerVersion,
                () -> "the DDL of this case needs PostgreSQL " + c.minimumServerVersion + "+");
        // roles first: closed last, after the databases that granted them privileges are gone
        try (TestRoles roles = TestRoles.create(server, c.roles); TestDatabase live = server.createDatabase("live");
             TestDatabase declared = server.createDatabase("declared")) {
            if (!c.oldDdl.isBlank()) {
                live.execute(roles.sql(c.oldDdl));
            }
            if (!c.newDdl.isBlank()) {
                declared.execute(roles.sql(c.newDdl));
            }
            if (!c.data.isBlank()) {
                live.execute(roles.sql(c.data));
            }
            IntrospectionOptions options = IntrospectionOptions.of(c.schemas).skippingMissingSchemas();
            SchemaGraph before = introspect(live, options);
            SchemaGraph wanted = introspect(declared, options);

            DiffResult diff = Differ.diff(before, wanted, new DiffOptions(c.dropStrategy,
                    c.renames.stream().map(RenameHint::parse).toList()));
            List<OperationKind> kinds = diff.operations().stream().map(Operation::kind).toList();
            assertThat(kinds).as("operations").containsAll(c.expected);
            if (!c.forbidden.isEmpty()) {
                assertThat(kinds).as("operations").doesNotContainAnyElementsOf(c.forbidden);
            }
            if (c.expectNonTransactional) {
                assertThat(diff.operations()).as("online-safe: at least one step runs outside a transaction (CONCURRENTLY)")
                        .anyMatch(op -> !op.render(RenderContext.preview()).transactional());
            }
            assertThat(!diff.renameSuspects().isEmpty()).as("rename suspected").isEqualTo(c.expectRenameSuspect);
            if (c.oldDdl.equals(c.newDdl)) {
                assertThat(diff.operations()).isEmpty();
            }

            List<Operation> operations = throughMigrationFile(diff.operations());
            assertThat(operations).as("operations survive the YAML file unchanged").isEqualTo(diff.operations());

            Steps.apply(live, operations);
            SchemaGraph after = introspect(live, options);
            assertThat(Differ.diff(after, wanted, new DiffOptions(c.dropStrategy, List.of())).operations())
                    .as("re-diff after applying").isEmpty();
            if (!c.after.isBlank()) {
                try {
                    live.execute(roles.sql(c.after));
                } catch (RuntimeException e) {
                    throw new AssertionError("after the migration, " + c.after + " failed: " + e.getMessage()
                            + "\nsteps:\n" + operations.stream().map(o -> o.render(RenderContext.preview()).script())
                            .reduce("", (a, b) -> a + b + "\n"), e);
                }
            }
            c.checks.forEach((query, expected) -> assertThat(live.queryForLong(roles.sql(query))).as(query).isEqualTo(expected));
            assertThat(byColumnName(after)).as("migrated schema").isEqualTo(byColumnName(wanted));

            SchemaGraph expected = before;
            for (Operation operation : operations) {
                expected = SchemaEffect.apply(expected, operation);
            }
            assertThat(withoutVersions(byColumnName(expected))).as("computed effect of the operations")
                    .isEqualTo(withoutVersions(byColumnName(after)));
        }
    }

    private static SchemaGraph introspect(TestDatabase db, IntrospectionOptions options) throws Exception {
        return Steps.introspect(db, options);
    }

    /** Extension versions are the server's business; a computed effect cannot know them. */
    private static SchemaGraph withoutVersions(SchemaGraph graph) {
        return graph.withExtensions(graph.extensions().stream()
                .map(e -> new dev.zanith.api.schema.Extension(e.name(), e.schema(), null)).toList());
    }

    /** Columns added to an existing table land at its end; order is not part of the comparison. */
    private static SchemaGraph byColumnName(SchemaGraph graph) {
        return graph.withTables(graph.tables().stream()
                .map(t -> t.withColumns(t.columns().stream().sorted(Comparator.comparing(Column::name)).toList()))
                .toList());
    }

    private static List<Operation> throughMigrationFile(List<Operation> operations) {
        if (operations.isEmpty()) {
            return operations;
        }
        String id = "20260101000000_acceptance";
        String yaml = MigrationWriter.render(id, "acceptance", operations, List.of("test"), List.of());
        Migration migration = MigrationLoader.parse(new MigrationResource(id + ".yaml", id + ".yaml",
                yaml.getBytes(StandardCharsets.UTF_8)));
        return migration.operations();
    }

}
