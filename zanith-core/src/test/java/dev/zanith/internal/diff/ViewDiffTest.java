package dev.zanith.internal.diff;

import dev.zanith.api.ops.CreateView;
import dev.zanith.api.ops.DropView;
import dev.zanith.api.ops.Operation;
import dev.zanith.api.ops.RefreshMaterializedView;
import dev.zanith.api.ops.ReplaceView;
import dev.zanith.api.ops.SchemaEffect;
import dev.zanith.api.ops.SetComment;
import dev.zanith.api.schema.Column;
import dev.zanith.api.schema.SchemaGraph;
import dev.zanith.api.schema.Table;
import dev.zanith.api.schema.TableName;
import dev.zanith.api.schema.View;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The view part of the differ on hand-built graphs: which form each change takes, and in which order. */
class ViewDiffTest {

    private static final TableName ORDERS = new TableName("public", "orders");
    private static final Table TABLE = Table.of("public", "orders", List.of(Column.of("id", "bigint", true),
            Column.of("total", "numeric(12,2)", false), Column.of("note", "text", false)));

    private static View view(String name, String definition, List<View.ViewColumn> columns, TableName reads,
                             String... used) {
        return new View("public", name, false, definition, columns, List.of(), false, List.of(),
                List.of(new View.ViewDependency(reads, List.of(used))), null);
    }

    private static final View.ViewColumn ID = new View.ViewColumn("id", "bigint");
    private static final View.ViewColumn TOTAL = new View.ViewColumn("total", "numeric(12,2)");
    private static final View A = view("a", "SELECT id, total FROM orders", List.of(ID, TOTAL), ORDERS, "id", "total");
    /** b reads a, c reads b: names sort against the dependency order on purpose. */
    private static final View B = view("b", "SELECT id FROM a", List.of(ID), new TableName("public", "a"), "id");
    private static final View C0 = view("0c", "SELECT id FROM b", List.of(ID), new TableName("public", "b"), "id");

    private static List<String> summaries(SchemaGraph from, SchemaGraph to) {
        return Differ.diff(from, to).operations().stream().map(Operation::summary).toList();
    }

    private static SchemaGraph graph(Table table, View... views) {
        return new SchemaGraph(List.of("public"), List.of(), List.of(), List.of(), List.of(table)).withViews(List.of(views));
    }

    @Test
    void createsReadViewsFirstAndDropsReadingViewsFirst() {
        assertThat(summaries(graph(TABLE), graph(TABLE, A, B, C0)))
                .containsExactly("create view public.a", "create view public.b", "create view public.0c");
        assertThat(Differ.diff(graph(TABLE, A, B, C0), graph(TABLE), dev.zanith.api.DiffOptions.defaults())
                .operations().stream().filter(o -> o instanceof DropView).map(Operation::summary).toList())
                .containsExactly("drop view public.0c", "drop view public.b", "drop view public.a");
    }

    @Test
    void appendedColumnsReplaceInPlaceAndOtherColumnChangesDropAndCreate() {
        View appended = view("a", "SELECT id, total, note FROM orders", List.of(ID, TOTAL,
                new View.ViewColumn("note", "text")), ORDERS, "id", "note", "total");
        assertThat(Differ.diff(graph(TABLE, A, B), graph(TABLE, appended, B)).operations())
                .containsExactly(new ReplaceView(appended, A));
        View narrowed = view("a", "SELECT id FROM orders", List.of(ID), ORDERS, "id");
        // b reads a: dropped before a, created after it.
        assertThat(summaries(graph(TABLE, A, B), graph(TABLE, narrowed, B)))
                .containsExactly("drop view public.b", "drop view public.a", "create view public.a", "create view public.b");
    }

    @Test
    void aTypeChangeUnderAViewDropsItBeforeAndCreatesItAfter() {
        Table retyped = TABLE.withColumns(List.of(Column.of("id", "bigint", true), Column.of("total", "numeric(14,2)", false),
                Column.of("note", "text", false)));
        View filtered = view("paid", "SELECT id FROM orders WHERE total > 0", List.of(ID), ORDERS, "id", "total");
        List<Operation> ops = Differ.diff(graph(TABLE, filtered), graph(retyped, filtered)).operations();
        assertThat(ops.get(0)).isEqualTo(new DropView(filtered.qualifiedName(), filtered));
        assertThat(ops.get(ops.size() - 1)).isEqualTo(new CreateView(filtered));
        assertThat(ops).hasSizeGreaterThan(2);
        // A column it does not use: the view stays.
        Table noteRetyped = TABLE.withColumns(List.of(Column.of("id", "bigint", true),
                Column.of("total", "numeric(12,2)", false), Column.of("note", "character varying(10)", false)));
        assertThat(Differ.diff(graph(TABLE, filtered), graph(noteRetyped, filtered)).operations())
                .noneMatch(o -> o instanceof DropView || o instanceof CreateView);
    }

    @Test
    void aMaterializedViewDeclaredWithDataIsRefreshedButNeverEmptied() {
        View stats = new View("public", "stats", true, "SELECT count(*) AS n FROM orders",
                List.of(new View.ViewColumn("n", "bigint")), List.of(), false, List.of(),
                List.of(new View.ViewDependency(ORDERS, List.of())), null);
        assertThat(Differ.diff(graph(TABLE, stats.withPopulated(false)), graph(TABLE, stats)).operations())
                .containsExactly(new RefreshMaterializedView(stats.qualifiedName(), false));
        assertThat(Differ.diff(graph(TABLE, stats), graph(TABLE, stats.withPopulated(false))).operations()).isEmpty();
    }

    private static SetComment onColumn(View view, String column, String comment, String previous) {
        return new SetComment("column", view.qualifiedName(), column, comment, previous);
    }

    /** {@code graph} after every operation the differ plans from it to {@code to}. */
    private static SchemaGraph applied(SchemaGraph from, SchemaGraph to) {
        SchemaGraph graph = from;
        for (Operation operation : Differ.diff(from, to).operations()) {
            graph = SchemaEffect.apply(graph, operation);
        }
        return graph;
    }

    @Test
    void columnCommentsOfAViewThatStaysAreSetChangedAndRemovedInPlace() {
        View noted = A.withColumnComment("id", "the order").withColumnComment("total", "old");
        View wanted = A.withColumnComment("total", "new");
        assertThat(Differ.diff(graph(TABLE, noted), graph(TABLE, wanted)).operations()).containsExactly(
                onColumn(A, "id", null, "the order"), onColumn(A, "total", "new", "old"));
        assertThat(applied(graph(TABLE, noted), graph(TABLE, wanted))).isEqualTo(graph(TABLE, wanted));
        assertThat(onColumn(A, "total", null, "old").render(dev.zanith.api.ops.RenderContext.preview()).script())
                .contains("COMMENT ON COLUMN public.a.total IS NULL");
    }

    @Test
    void aViewCreatedOrDroppedAndCreatedAgainGetsItsColumnCommentsAfterItsCreate() {
        View noted = A.withColumnComment("total", "sum");
        List<Operation> created = Differ.diff(graph(TABLE), graph(TABLE, noted)).operations();
        assertThat(created).containsExactly(new CreateView(A), onColumn(A, "total", "sum", null));
        assertThat(((CreateView) created.get(0)).view().columns()).extracting(View.ViewColumn::comment)
                .containsOnlyNulls();
        assertThat(applied(graph(TABLE), graph(TABLE, noted))).isEqualTo(graph(TABLE, noted));

        // narrowed: not replaceable, so dropped and created again; the comment it keeps is set again
        View narrowed = view("a", "SELECT total FROM orders", List.of(TOTAL), ORDERS, "total")
                .withColumnComment("total", "sum");
        List<Operation> recreated = Differ.diff(graph(TABLE, noted), graph(TABLE, narrowed)).operations();
        assertThat(recreated).containsExactly(new DropView(noted.qualifiedName(), noted),
                new CreateView(narrowed), onColumn(narrowed, "total", "sum", null));
        assertThat(applied(graph(TABLE, noted), graph(TABLE, narrowed))).isEqualTo(graph(TABLE, narrowed));
        // the drop's reversal gives the view back with its column comments
        assertThat(recreated.get(0).reverse().operations()).containsExactly(new CreateView(noted),
                onColumn(noted, "total", "sum", null));
    }

    @Test
    void aViewReplacedInPlaceKeepsItsColumnCommentsAndOnlyChangesAreSet() {
        View noted = A.withColumnComment("id", "the order").withColumnComment("total", "sum");
        View appended = view("a", "SELECT id, total, note FROM orders", List.of(ID, TOTAL,
                new View.ViewColumn("note", "text")), ORDERS, "id", "note", "total");
        View kept = appended.withColumnComment("id", "the order").withColumnComment("total", "sum");
        assertThat(Differ.diff(graph(TABLE, noted), graph(TABLE, kept)).operations())
                .containsExactly(new ReplaceView(appended, noted));
        assertThat(applied(graph(TABLE, noted), graph(TABLE, kept))).isEqualTo(graph(TABLE, kept));

        View changed = appended.withColumnComment("total", "total due").withColumnComment("note", "free text");
        assertThat(Differ.diff(graph(TABLE, noted), graph(TABLE, changed)).operations()).containsExactly(
                new ReplaceView(appended, noted), onColumn(A, "id", null, "the order"),
                onColumn(A, "total", "total due", "sum"), onColumn(A, "note", "free text", null));
        assertThat(applied(graph(TABLE, noted), graph(TABLE, changed))).isEqualTo(graph(TABLE, changed));
    }

    @Test
    void aColumnCommentAloneNeverReplacesTheView() {
        assertThat(Differ.diff(graph(TABLE, A, B), graph(TABLE, A.withColumnComment("id", "x"), B)).operations())
                .containsExactly(onColumn(A, "id", "x", null));
    }
}
