package dev.zanith.api.ops;

import dev.zanith.api.schema.TableName;
import dev.zanith.api.schema.View;
import org.jspecify.annotations.Nullable;

/**
 * CREATE OR REPLACE VIEW: a new definition for an existing view that keeps its leading columns (same names, same
 * types) and only appends new ones, as PostgreSQL requires; views over it stay in place. Its options become the new
 * view's (PostgreSQL replaces them all), and so does its comment. The columns it keeps keep their comments (the
 * server keeps them); the comments on its columns are {@link SetComment} steps, so the view here has none.
 *
 * @param previous the definition it replaces, for the reversal; null when not recorded
 */
public record ReplaceView(View view, @Nullable View previous) implements Operation {

    public ReplaceView {
        Require.present(view, "replaceView", "view");
        if (view.materialized()) {
            throw new IllegalArgumentException("replaceView " + view.qualifiedName()
                    + " is a materialized view: drop and create it (PostgreSQL has no CREATE OR REPLACE for those)");
        }
        view = view.withColumnCommentsOf(null);
    }

    @Override
    public OperationKind kind() {
        return OperationKind.REPLACE_VIEW;
    }

    @Override
    public TableName target() {
        return view.qualifiedName();
    }

    @Override
    public Statements render(RenderContext context) {
        // CREATE OR REPLACE sets the options to exactly those it names (none named: none kept).
        java.util.List<String> sql = new java.util.ArrayList<>(ViewDdl.createView(view, true).subList(0, 1));
        if (previous == null || !java.util.Objects.equals(previous.comment(), view.comment())) {
            sql.add(ViewDdl.comment(view));
        }
        return Statements.of(sql);
    }

    @Override
    public Reversal reverse() {
        if (previous == null) {
            return Reversal.irreversible("the previous definition is not recorded in this file");
        }
        // CREATE OR REPLACE cannot remove the appended columns: the way back drops and re-creates.
        if (previous.columnShapes().equals(view.columnShapes())) {
            return Reversal.of(new ReplaceView(previous, view));
        }
        java.util.List<Operation> back = new java.util.ArrayList<>();
        back.add(new DropView(view.qualifiedName(), view));
        back.addAll(java.util.List.of(ViewDdl.recreate(previous)));
        return Reversal.lossy("drops and re-creates the view: views over it must be dropped first",
                back.toArray(Operation[]::new));
    }

    @Override
    public String summary() {
        return "replace view " + view.qualifiedName();
    }
}
