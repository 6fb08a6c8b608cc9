package dev.zanith.internal.diff;

import dev.zanith.api.ops.CreateFunction;
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

/** What the routine diff cannot order around a drop and create is said, not left to fail unexplained. */
class RoutineDiffTest {

    private static Routine half(String result) {
        return new Routine("public", "half", "public.half(integer)", Routine.FUNCTION, "n integer", result, "sql",
                "CREATE OR REPLACE FUNCTION public.half(n integer)\n RETURNS " + result + "\n LANGUAGE sql\n IMMUTABLE\n"
                        + "AS $function$ SELECT n / 2 $function$\n");
    }

    @Test
    void aGeneratedColumnComputingFromARoutineThatMustBeRecreatedIsAWarning() {
        Table table = Table.of("public", "t", List.of(Column.of("n", "integer", false),
                new Column("h", "numeric", false, null, null, new GeneratedColumn("public.half(n)", true), null, null)));
        // as introspected: the routine holds PUBLIC's built-in EXECUTE, which its re-creation gives it again
        SchemaGraph live = SchemaGraph.empty().withTables(List.of(table)).withRoutines(List.of(half("integer")))
                .withGrants(List.of(new dev.zanith.api.schema.Grant("function", "public", "public.half(integer)", null,
                        "PUBLIC", "EXECUTE", false)));
        SchemaGraph declared = live.withRoutines(List.of(half("numeric")));

        DiffResult diff = Differ.diff(live, declared);

        assertThat(diff.operations()).extracting(Operation::kind).extracting(Object::toString)
                .containsExactly("dropFunction", "createFunction");
        assertThat(diff.operations().get(0)).isInstanceOf(DropFunction.class);
        assertThat(diff.operations().get(1)).isInstanceOf(CreateFunction.class);
        assertThat(diff.warnings()).singleElement().asString()
                .contains("function public.half(integer) must be dropped and created again")
                .contains("generated column public.t.h");
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
}
