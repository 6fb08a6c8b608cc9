package dev.zanith.api.ops;

import dev.zanith.api.schema.TableName;
import dev.zanith.api.schema.View;
import org.jspecify.annotations.Nullable;

/** DROP VIEW (RESTRICT: fails while another view reads it, so nothing goes with it unseen). */
public record DropView(TableName view, @Nullable View definition) implements Operation {

    public DropView {
        Require.present(view, "dropView", "view");
    }

    @Override
    public OperationKind kind() {
        return OperationKind.DROP_VIEW;
    }

    @Override
    public TableName target() {
        return view;
    }

    @Override
    public Statements render(RenderContext context) {
        return Statements.of("DROP VIEW IF EXISTS " + view.sql());
    }

    @Override
    public Reversal reverse() {
        return definition == null ? Reversal.irreversible("the view definition is not recorded in this file")
                : Reversal.of(ViewDdl.recreate(definition));
    }

    @Override
    public String summary() {
        return "drop view " + view;
    }
}
