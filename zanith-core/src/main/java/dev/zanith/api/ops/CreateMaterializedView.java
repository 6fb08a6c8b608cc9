package dev.zanith.api.ops;

import dev.zanith.api.schema.TableName;
import dev.zanith.api.schema.View;

/**
 * CREATE MATERIALIZED VIEW ... WITH DATA (runs the query, reading every table it names) or WITH NO DATA (empty and
 * unreadable until refreshed), then its indexes and its comment. The comments on its columns are {@link SetComment}
 * steps after it: the view here has none.
 */
public record CreateMaterializedView(View view) implements Operation {

    public CreateMaterializedView {
        Require.present(view, "createMaterializedView", "view");
        if (!view.materialized()) {
            throw new IllegalArgumentException("createMaterializedView " + view.qualifiedName()
                    + " is a plain view: use createView");
        }
        view = view.withColumnCommentsOf(null);
    }

    @Override
    public OperationKind kind() {
        return OperationKind.CREATE_MATERIALIZED_VIEW;
    }

    @Override
    public TableName target() {
        return view.qualifiedName();
    }

    @Override
    public Statements render(RenderContext context) {
        return view.withNoData() ? Statements.of(ViewDdl.createMaterializedView(view))
                : new Statements(ViewDdl.createMaterializedView(view), true, true);
    }

    @Override
    public Reversal reverse() {
        return Reversal.of(new DropMaterializedView(view.qualifiedName(), view));
    }

    @Override
    public String summary() {
        return "create materialized view " + view.qualifiedName() + (view.withNoData() ? " (with no data)" : "");
    }
}
