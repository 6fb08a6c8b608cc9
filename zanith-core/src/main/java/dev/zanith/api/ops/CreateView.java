package dev.zanith.api.ops;

import dev.zanith.api.schema.TableName;
import dev.zanith.api.schema.View;

/**
 * CREATE VIEW (with its comment). A materialized view is {@link CreateMaterializedView}. The comments on its columns
 * are {@link SetComment} steps after it: the view here has none ({@code COMMENT ON COLUMN}s given with it are left
 * out, as the statement does not set them).
 */
public record CreateView(View view) implements Operation {

    public CreateView {
        Require.present(view, "createView", "view");
        if (view.materialized()) {
            throw new IllegalArgumentException("createView " + view.qualifiedName()
                    + " is a materialized view: use createMaterializedView");
        }
        view = view.withColumnCommentsOf(null);
    }

    @Override
    public OperationKind kind() {
        return OperationKind.CREATE_VIEW;
    }

    @Override
    public TableName target() {
        return view.qualifiedName();
    }

    @Override
    public Statements render(RenderContext context) {
        java.util.List<String> sql = ViewDdl.createView(view, false);
        return Statements.of(view.comment() == null ? sql.subList(0, 1) : sql);
    }

    @Override
    public Reversal reverse() {
        return Reversal.of(new DropView(view.qualifiedName(), view));
    }

    @Override
    public String summary() {
        return "create view " + view.qualifiedName();
    }
}
