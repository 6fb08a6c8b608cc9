package dev.zanith.internal.diff;

import dev.zanith.api.DiffOptions;
import dev.zanith.api.DropStrategy;
import dev.zanith.api.RenameHint;
import dev.zanith.api.output.DiffResult;
import dev.zanith.api.exception.ZanithConfigException;
import dev.zanith.internal.introspect.IntrospectionOptions;
import dev.zanith.internal.introspect.Introspector;
import dev.zanith.api.ops.Operation;
import dev.zanith.api.ops.OperationKind;
import dev.zanith.api.schema.SchemaGraph;
import dev.zanith.TestSchemas;
import dev.zanith.testsupport.PostgresServer;
import dev.zanith.testsupport.RealPostgres;
import dev.zanith.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@RealPostgres
class DifferTest {

    private static SchemaGraph graph(PostgresServer server, String ddl) throws Exception {
        try (TestDatabase db = server.createDatabase("differ")) {
            if (!ddl.isBlank()) {
                db.execute(ddl);
            }
            try (Connection c = db.connect()) {
                return new Introspector(IntrospectionOptions.of(List.of("app", "public")).skippingMissingSchemas())
                        .introspect(c).graph();
            }
        }
    }

    private static List<OperationKind> kinds(DiffResult result) {
        return result.operations().stream().map(Operation::kind).toList();
    }

    @Test
    void diffingAGraphWithItselfYieldsNothing(PostgresServer server) throws Exception {
        SchemaGraph rich = graph(server, TestSchemas.RICH);
        assertThat(Differ.diff(rich, rich).operations()).isEmpty();
        assertThat(Differ.diff(SchemaGraph.empty(), SchemaGraph.empty()).operations()).isEmpty();
    }

    @Test
    void theSameInputAlwaysGivesTheSameOperations(PostgresServer server) throws Exception {
        SchemaGraph rich = graph(server, TestSchemas.RICH);
        DiffResult first = Differ.diff(SchemaGraph.empty(), rich);
        DiffResult second = Differ.diff(SchemaGraph.empty(), rich);
        assertThat(second.operations()).isEqualTo(first.operations());
        assertThat(first.operations()).isNotEmpty();
    }

    @Test
    void extensionsAndEnumsComeBeforeTheTablesThatUseThemAndTablesBeforeForeignKeys(PostgresServer server) throws Exception {
        List<OperationKind> kinds = kinds(Differ.diff(SchemaGraph.empty(), graph(server, TestSchemas.RICH)));
        assertThat(kinds.indexOf(OperationKind.CREATE_SCHEMA)).isLessThan(kinds.indexOf(OperationKind.CREATE_EXTENSION));
        assertThat(kinds.indexOf(OperationKind.CREATE_EXTENSION)).isLessThan(kinds.indexOf(OperationKind.CREATE_TABLE));
        assertThat(kinds.indexOf(OperationKind.CREATE_ENUM)).isLessThan(kinds.indexOf(OperationKind.CREATE_TABLE));
        assertThat(kinds.lastIndexOf(OperationKind.CREATE_TABLE)).isLessThan(kinds.indexOf(OperationKind.ADD_FOREIGN_KEY));
        assertThat(kinds.indexOf(OperationKind.ADD_FOREIGN_KEY)).isLessThan(kinds.indexOf(OperationKind.CREATE_POLICY));
    }

    @Test
    void foreignKeysAreDroppedBeforeTheTablesTheyPointTo(PostgresServer server) throws Exception {
        SchemaGraph before = graph(server, "CREATE TABLE a (id int PRIMARY KEY); CREATE TABLE b (id int, a_id int REFERENCES a);");
        SchemaGraph after = graph(server, "CREATE TABLE b (id int, a_id int);");
        List<OperationKind> kinds = kinds(Differ.diff(before, after, new DiffOptions(DropStrategy.HARD, List.of())));
        assertThat(kinds).containsExactly(OperationKind.DROP_FOREIGN_KEY, OperationKind.DROP_TABLE);
    }

    @Test
    void dropStrategyChoosesTheDropOperations(PostgresServer server) throws Exception {
        SchemaGraph before = graph(server, "CREATE TABLE t (id int PRIMARY KEY, gone text); CREATE TABLE old (id int PRIMARY KEY);");
        SchemaGraph after = graph(server, "CREATE TABLE t (id int PRIMARY KEY);");
        assertThat(kinds(Differ.diff(before, after))).containsExactly(OperationKind.SOFT_DROP_COLUMN, OperationKind.SOFT_DROP_TABLE);
        assertThat(kinds(Differ.diff(before, after, new DiffOptions(DropStrategy.ARCHIVE, List.of()))))
                .containsExactly(OperationKind.ARCHIVE_COLUMN, OperationKind.ARCHIVE_TABLE);
        assertThat(kinds(Differ.diff(before, after, new DiffOptions(DropStrategy.HARD, List.of()))))
                .containsExactly(OperationKind.DROP_COLUMN, OperationKind.DROP_TABLE);
    }

    @Test
    void aSameTypedDropAndAddIsReportedAsAPossibleRenameNeverGuessed(PostgresServer server) throws Exception {
        SchemaGraph before = graph(server, "CREATE TABLE users (id int, legacy_uuid uuid);");
        SchemaGraph after = graph(server, "CREATE TABLE users (id int, external_id uuid);");
        DiffResult result = Differ.diff(before, after);
        assertThat(kinds(result)).containsExactly(OperationKind.ADD_COLUMN, OperationKind.SOFT_DROP_COLUMN);
        assertThat(result.renameSuspects()).singleElement().satisfies(s ->
                assertThat(s.hint()).isEqualTo("--rename users.legacy_uuid=users.external_id"));
        DiffResult renamed = Differ.diff(before, after, new DiffOptions(DropStrategy.SOFT,
                List.of(RenameHint.parse("users.legacy_uuid=users.external_id"))));
        assertThat(kinds(renamed)).containsExactly(OperationKind.RENAME_COLUMN);
        assertThat(renamed.renameSuspects()).isEmpty();
    }

    @Test
    void renameHintsThatDoNotFitAreUsageErrors(PostgresServer server) throws Exception {
        SchemaGraph before = graph(server, "CREATE TABLE users (id int, a text);");
        SchemaGraph after = graph(server, "CREATE TABLE users (id int, b text);");
        assertThatThrownBy(() -> Differ.diff(before, after, new DiffOptions(DropStrategy.SOFT,
                List.of(RenameHint.parse("users.zz=users.b"))))).isInstanceOf(ZanithConfigException.class)
                .hasMessageContaining("the live schema has no table public.users".substring(0, 10));
        assertThatThrownBy(() -> Differ.diff(before, after, new DiffOptions(DropStrategy.SOFT,
                List.of(RenameHint.parse("users.a=users.c"))))).isInstanceOf(ZanithConfigException.class)
                .hasMessageContaining("the declared public.users has no column c");
        assertThatThrownBy(() -> RenameHint.parse("nonsense")).isInstanceOf(ZanithConfigException.class);
    }

    @Test
    void removingAnEnumValueReplacesTheTypeOnTheSafePath(PostgresServer server) throws Exception {
        SchemaGraph before = graph(server, "CREATE TYPE plan AS ENUM ('free', 'pro', 'legacy'); CREATE TABLE t (p plan);");
        SchemaGraph after = graph(server, "CREATE TYPE plan AS ENUM ('free', 'pro'); CREATE TABLE t (p plan);");
        DiffResult result = Differ.diff(before, after);
        assertThat(kinds(result)).containsExactly(OperationKind.CREATE_ENUM, OperationKind.ALTER_COLUMN_TYPE,
                OperationKind.DROP_ENUM, OperationKind.RENAME_ENUM);
        assertThat(result.operations().get(1).render(dev.zanith.api.ops.RenderContext.preview()).script())
                .contains("USING p::text::public.plan_zanith_new");
        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void anEnumParkedDataStillUsesIsNotReplaced(PostgresServer server) throws Exception {
        SchemaGraph before = graph(server, "CREATE TYPE plan AS ENUM ('free', 'pro', 'legacy');");
        SchemaGraph after = graph(server, "CREATE TYPE plan AS ENUM ('free', 'pro');");
        DiffResult result = Differ.diff(before, after, DiffOptions.defaults().withParkedTypes(java.util.Set.of("public.plan")));
        assertThat(result.operations()).isEmpty();
        assertThat(result.warnings()).singleElement().asString().contains("soft-dropped data still uses the type");
    }

    @Test
    void aSoftDroppedEnumColumnKeepsItsEnum(PostgresServer server) throws Exception {
        SchemaGraph before = graph(server, "CREATE TYPE mood AS ENUM ('ok'); CREATE TABLE t (id int, m mood);");
        SchemaGraph after = graph(server, "CREATE TABLE t (id int);");
        DiffResult result = Differ.diff(before, after);
        assertThat(kinds(result)).containsExactly(OperationKind.SOFT_DROP_COLUMN);
        assertThat(result.warnings()).singleElement().asString().contains("enum public.mood is kept");
    }
}
