package dev.zanith.api.ops;

import dev.zanith.api.schema.TableName;

/**
 * REFRESH MATERIALIZED VIEW: recomputes its rows. Plainly it holds ACCESS EXCLUSIVE on the view for the whole
 * query (readers wait); {@code CONCURRENTLY} holds EXCLUSIVE (readers go on, writers cannot write to it anyway) and
 * needs a unique index on the view without a WHERE clause and a populated view.
 */
public record RefreshMaterializedView(TableName view, boolean concurrently) implements Operation {

    public RefreshMaterializedView {
        Require.present(view, "refreshMaterializedView", "view");
    }

    @Override
    public OperationKind kind() {
        return OperationKind.REFRESH_MATERIALIZED_VIEW;
    }

    @Override
    public TableName target() {
        return view;
    }

    @Override
    public Statements render(RenderContext context) {
        return Statements.longRunning("REFRESH MATERIALIZED VIEW " + (concurrently ? "CONCURRENTLY " : "") + view.sql());
    }

    @Override
    public Reversal reverse() {
        return Reversal.irreversible("the rows it replaced are not kept; a refresh is undone only by refreshing again");
    }

    @Override
    public String summary() {
        return "refresh materialized view " + (concurrently ? "concurrently " : "") + view;
    }
}
