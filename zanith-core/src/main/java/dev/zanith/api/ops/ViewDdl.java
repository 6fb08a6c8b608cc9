package dev.zanith.api.ops;

import dev.zanith.api.schema.Index;
import dev.zanith.api.schema.TableName;
import dev.zanith.api.schema.View;
import dev.zanith.internal.sql.Identifiers;

import java.util.ArrayList;
import java.util.List;

/** The SQL of the view operations: one place for how a view, a materialized view and their comments are written. */
final class ViewDdl {

    private ViewDdl() {
    }

    /** CREATE [OR REPLACE] VIEW, then its comment. */
    static List<String> createView(View view, boolean orReplace) {
        List<String> sql = new ArrayList<>();
        sql.add("CREATE " + (orReplace ? "OR REPLACE " : "") + "VIEW " + view.qualifiedName().sql() + with(view)
                + " AS " + view.definition());
        sql.add(comment(view));
        return sql;
    }

    /** CREATE MATERIALIZED VIEW ... WITH [NO] DATA, its indexes (the view is new: nobody waits on them), its comment. */
    static List<String> createMaterializedView(View view) {
        List<String> sql = new ArrayList<>();
        sql.add("CREATE MATERIALIZED VIEW " + view.qualifiedName().sql() + with(view) + " AS " + view.definition()
                + (view.withNoData() ? " WITH NO DATA" : " WITH DATA"));
        for (Index index : view.indexes()) {
            sql.add(Ddl.createIndex(view.qualifiedName(), index, false));
        }
        if (view.comment() != null) {
            sql.add(comment(view));
        }
        return sql;
    }

    /**
     * What creates {@code view} again after it was dropped: CREATE [MATERIALIZED] VIEW, then the comments on its
     * columns (which a drop loses and a create does not set).
     */
    static Operation[] recreate(View view) {
        List<Operation> ops = new ArrayList<>();
        ops.add(view.materialized() ? new CreateMaterializedView(view) : new CreateView(view));
        ops.addAll(SetComment.onColumnsOf(view));
        return ops.toArray(Operation[]::new);
    }

    /** COMMENT ON VIEW / MATERIALIZED VIEW; {@code IS NULL} when it has none. */
    static String comment(View view) {
        return comment(view.materialized(), view.qualifiedName(), view.comment());
    }

    static String comment(boolean materialized, TableName view, String comment) {
        return "COMMENT ON " + (materialized ? "MATERIALIZED VIEW " : "VIEW ") + view.sql() + " IS "
                + (comment == null ? "NULL" : Identifiers.literal(comment));
    }

    private static String with(View view) {
        return view.options().isEmpty() ? "" : " WITH (" + String.join(", ", view.options()) + ")";
    }
}
