package dev.zanith.api.ops;

import dev.zanith.api.schema.StatisticsObject;
import dev.zanith.api.schema.TableName;
import org.jspecify.annotations.Nullable;

/** DROP STATISTICS: SHARE UPDATE EXCLUSIVE on its table; plans lose the estimates it gave. */
public record DropStatistics(TableName statistics, @Nullable StatisticsObject definition) implements Operation {

    public DropStatistics {
        Require.present(statistics, "dropStatistics", "statistics");
    }

    @Override
    public OperationKind kind() {
        return OperationKind.DROP_STATISTICS;
    }

    @Override
    public @Nullable TableName target() {
        return definition == null ? null : definition.qualifiedTable();
    }

    @Override
    public Statements render(RenderContext context) {
        return Statements.of("DROP STATISTICS IF EXISTS " + statistics.sql());
    }

    @Override
    public Reversal reverse() {
        return definition == null ? Reversal.irreversible("the statistics definition is not recorded in this file")
                : Reversal.of(new CreateStatistics(definition));
    }

    @Override
    public String summary() {
        return "drop statistics " + statistics;
    }
}
