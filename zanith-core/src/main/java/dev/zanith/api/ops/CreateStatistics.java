package dev.zanith.api.ops;

import dev.zanith.api.schema.StatisticsObject;
import dev.zanith.api.schema.TableName;

/**
 * CREATE STATISTICS, as {@code pg_get_statisticsobjdef()} printed it. Takes SHARE UPDATE EXCLUSIVE on its table;
 * the statistics are empty until the next ANALYZE.
 */
public record CreateStatistics(StatisticsObject statistics) implements Operation {

    public CreateStatistics {
        Require.present(statistics, "createStatistics", "statistics");
    }

    @Override
    public OperationKind kind() {
        return OperationKind.CREATE_STATISTICS;
    }

    @Override
    public TableName target() {
        return statistics.qualifiedTable();
    }

    @Override
    public Statements render(RenderContext context) {
        return Statements.of(statistics.definition());
    }

    @Override
    public Reversal reverse() {
        return Reversal.of(new DropStatistics(statistics.qualifiedName(), statistics));
    }

    @Override
    public String summary() {
        return "create statistics " + statistics.qualifiedName() + " on " + statistics.qualifiedTable();
    }
}
