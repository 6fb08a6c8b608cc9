package dev.zanith.api.ops;

import dev.zanith.api.schema.TableName;
import dev.zanith.api.schema.View;
import org.jspecify.annotations.Nullable;

/** DROP MATERIALIZED VIEW (RESTRICT), with its indexes; its rows can be recomputed from its query. */
public record DropMaterializedView(TableName view, @Nullable View definition) implements Operation {

    public DropMaterializedView {
        Require.present(view, "dropMaterializedView", "view");
    }

    @Override
    public OperationKind kind() {
        return OperationKind.DROP_MATERIALIZED_VIEW;
    }

    @Override
    public TableName target() {
        return view;
    }

    @Override
    public Statements render(RenderContext context) {
        return Statements.of("DROP MATERIALIZED VIEW IF EXISTS " + view.sql());
    }

    @Override
    public Reversal reverse() {
        return definition == null ? Reversal.irreversible("the materialized view's definition is not recorded in this file")
                : Reversal.lossy("re-creates it and recomputes its rows from its query (WITH DATA) as they are then",
                ViewDdl.recreate(definition));
    }

    @Override
    public String summary() {
        return "drop materialized view " + view;
    }
}
