package dev.zanith.internal.diff;

import dev.zanith.api.ops.AddColumn;
import dev.zanith.api.ops.CreateFunction;
import dev.zanith.api.ops.DropColumn;
import dev.zanith.api.ops.DropFunction;
import dev.zanith.api.ops.Operation;
import dev.zanith.api.output.DiffResult;
import dev.zanith.api.schema.Column;
import dev.zanith.api.schema.GeneratedColumn;
import dev.zanith.api.schema.Routine;
import dev.zanith.api.schema.SchemaGraph;
import dev.zanith.api.schema.Table;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** How the routine diff orders what uses a routine around its drop and create, and what it says about it. */
class RoutineDiffTest {

    private static Routine half(String result) {
        return new Routine("public", "half", "public.half(integer)", Routine.FUNCTION, "n integer", result, "sql",
                "CREATE OR REPLACE FUNCTION public.half(n integer)\n RETURNS " + result + "\n LANGUAGE sql\n IMMUTABLE\n"
                        + "AS $function$ SELECT n / 2 $function$\n");
    }

    @Test
    void aGeneratedColumnComputingFromARoutineThatMustBeRecreatedIsDroppedBeforeAndAddedAfterIt() {
        Table table = Table.of("public", "t", List.of(Column.of("n", "integer", false),
                new Column("h", "numeric", false, null, null, new GeneratedColumn("public.half(n)", true), null, null)));
        // as introspected: the routine holds PUBLIC's built-in EXECUTE, which its re-creation gives it again
        SchemaGraph live = SchemaGraph.empty().withTables(List.of(table)).withRoutines(List.of(half("integer")))
                .withGrants(List.of(new dev.zanith.api.schema.Grant("function", "public", "public.half(integer)", null,
                        "PUBLIC", "EXECUTE", false)));
        SchemaGraph declared = live.withRoutines(List.of(half("numeric")));

        DiffResult diff = Differ.diff(live, declared);

        assertThat(diff.operations()).extracting(Operation::kind).extracting(Object::toString)
                .containsExactly("dropColumn", "dropFunction", "createFunction", "addColumn");
        assertThat(diff.operations().get(0)).isEqualTo(new DropColumn(table.qualifiedName(), "h", table.columns().get(1)));
        assertThat(diff.operations().get(3)).isEqualTo(new AddColumn(table.qualifiedName(), table.columns().get(1)));
        // said, because the column moves to the end of the table and the table is rewritten
        assertThat(diff.warnings()).singleElement().asString()
                .contains("generated column public.t.h").contains("function public.half(integer)")
                .contains("dropped before it and added again after it");
    }

    @Test
    void aGeneratedColumnDeclaredPlainIsNotDroppedButSaid() {
        Column generated = new Column("h", "numeric", false, null, null, new GeneratedColumn("public.half(n)", true), null,
                null);
        Table table = Table.of("public", "t", List.of(Column.of("n", "integer", false), generated));
        SchemaGraph live = SchemaGraph.empty().withTables(List.of(table)).withRoutines(List.of(half("integer")));
        SchemaGraph declared = live.withRoutines(List.of(half("numeric"))).withTables(List.of(table.withColumns(
                List.of(Column.of("n", "integer", false), Column.of("h", "numeric", false)))));

        DiffResult diff = Differ.diff(live, declared);

        // its values would be lost: the conversion to a plain column stays the user's (DROP EXPRESSION)
        assertThat(diff.operations()).extracting(Operation::kind).extracting(Object::toString)
                .doesNotContain("dropColumn", "addColumn");
        assertThat(diff.warnings()).anySatisfy(w -> assertThat(w).contains("generated column public.t.h")
                .contains("declared as a plain column").contains("DROP EXPRESSION"));
    }

    @Test
    void aBodyChangeIsNoWarning() {
        SchemaGraph live = SchemaGraph.empty().withRoutines(List.of(half("integer")));
        Routine changed = new Routine("public", "half", "public.half(integer)", Routine.FUNCTION, "n integer", "integer",
                "sql", half("integer").definition().replace("n / 2", "n >> 1"));
        DiffResult diff = Differ.diff(live, live.withRoutines(List.of(changed)));
        assertThat(diff.operations()).extracting(Operation::kind).extracting(Object::toString)
                .containsExactly("replaceFunction");
        assertThat(diff.warnings()).isEmpty();
    }

    private static Routine sqlFunction(String name, String argument, String body, String... dependsOn) {
        String signature = "public." + name + "(" + (argument.isEmpty() ? "" : "integer") + ")";
        return new Routine("public", name, signature, Routine.FUNCTION, argument, "integer", "sql",
                "CREATE OR REPLACE FUNCTION " + signature + " RETURNS integer LANGUAGE sql " + body + "\n",
                List.of(dependsOn));
    }

    /** {@code graph} as introspection gives it: each routine holds PUBLIC's built-in EXECUTE. */
    private static SchemaGraph introspected(SchemaGraph graph) {
        return graph.withGrants(graph.routines().stream().map(r -> new dev.zanith.api.schema.Grant("function",
                r.schema(), r.signature(), null, "PUBLIC", "EXECUTE", false)).toList());
    }

    private static List<String> steps(DiffResult diff) {
        return diff.operations().stream().map(op -> op.kind() + " " + (op instanceof DropFunction d ? d.signature()
                : ((CreateFunction) op).routine().signature())).toList();
    }

    @Test
    void sqlStandardCallersOfARecreatedRoutineAreDroppedFirstAndCreatedAfterInDependencyOrder() {
        Routine plusA = sqlFunction("plus_one", "a integer", "RETURN a + 1");
        Routine plusN = sqlFunction("plus_one", "n integer", "RETURN n + 1");
        // names sort against the dependency order, so signature order alone would be wrong both ways
        Routine caller = sqlFunction("a_twice", "", "RETURN public.plus_one(1) * 2", "public.plus_one(integer)");
        Routine top = sqlFunction("a_quad", "", "RETURN public.a_twice() * 2", "public.a_twice()");
        Routine stringBody = sqlFunction("b_plain", "", "AS $$ SELECT public.plus_one(1) $$");
        SchemaGraph live = introspected(SchemaGraph.empty().withRoutines(List.of(plusA, caller, top, stringBody)));

        DiffResult diff = Differ.diff(live, live.withRoutines(List.of(plusN, caller, top, stringBody)));

        assertThat(steps(diff)).containsExactly("dropFunction public.a_quad()", "dropFunction public.a_twice()",
                "dropFunction public.plus_one(integer)", "createFunction public.plus_one(integer)",
                "createFunction public.a_twice()", "createFunction public.a_quad()");
        assertThat(RoutineDiff.dropped(live, live.withRoutines(List.of(plusN, caller, top, stringBody))))
                .as("a string body has no pg_depend edge: the server does not stop the drop, so neither do we")
                .containsExactly("public.a_quad()", "public.a_twice()", "public.plus_one(integer)");
    }

    @Test
    void newAndDroppedCallersAreOrderedAroundTheirCallees() {
        Routine base = sqlFunction("z_base", "", "RETURN 20");
        Routine top = sqlFunction("a_top", "", "RETURN public.z_base() + 1", "public.z_base()");
        SchemaGraph both = introspected(SchemaGraph.empty().withRoutines(List.of(base, top)));

        assertThat(steps(Differ.diff(SchemaGraph.empty(), both)))
                .containsExactly("createFunction public.z_base()", "createFunction public.a_top()");
        assertThat(steps(Differ.diff(both, SchemaGraph.empty())))
                .containsExactly("dropFunction public.a_top()", "dropFunction public.z_base()");
    }
}
