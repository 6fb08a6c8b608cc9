package dev.zanith.api.risk;

import dev.zanith.internal.risk.RiskContext;
import dev.zanith.internal.risk.RiskModel;
import dev.zanith.api.ops.CreateTable;
import dev.zanith.api.ops.DropColumn;
import dev.zanith.api.ops.RawSql;
import dev.zanith.api.schema.Column;
import dev.zanith.api.schema.SchemaGraph;
import dev.zanith.api.schema.ServerVersion;
import dev.zanith.api.schema.Table;
import dev.zanith.api.schema.TableName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A table created earlier in a plan is empty — unless raw SQL ran in between, which may have filled it. */
class RawSqlEarlierInThePlanTest {

    private static final TableName ORDERS = new TableName("public", "orders");
    private static final CreateTable CREATE = new CreateTable(Table.of("public", "orders",
            List.of(Column.of("id", "bigint", true), Column.of("note", "text", false))));

    private static RiskContext freshPlan() {
        return RiskContext.builder().server(new ServerVersion(180000)).live(SchemaGraph.empty()).build().after(CREATE);
    }

    @Test
    void droppingAColumnOfATableCreatedInThePlanLosesNothing() {
        Assessment drop = RiskModel.classify(new DropColumn(ORDERS, "note", null), freshPlan());
        assertThat(drop.facts().canLoseData()).isFalse();
        assertThat(drop.level()).isNotEqualTo(RiskLevel.DESTRUCTIVE);
    }

    @Test
    void afterRawSqlTheSameDropCanLoseData() {
        RiskContext seeded = freshPlan().after(new RawSql("INSERT INTO orders VALUES (1, 'keep me')", null));
        Assessment drop = RiskModel.classify(new DropColumn(ORDERS, "note", null), seeded);
        assertThat(drop.facts().canLoseData()).isTrue();
        assertThat(drop.level()).isEqualTo(RiskLevel.DESTRUCTIVE);
        assertThat(drop.reasonCodes()).contains("drops_column_with_data");
    }

    @Test
    void afterRawSqlANewTableIsNoLongerAssumedEmpty() {
        RiskContext seeded = freshPlan().after(new RawSql("INSERT INTO orders VALUES (1, 'keep me')", null));
        assertThat(freshPlan().tier(ORDERS)).isEqualTo(SizeTier.EMPTY);
        assertThat(seeded.tier(ORDERS)).isNotEqualTo(SizeTier.EMPTY);
        assertThat(seeded.sizeNote(ORDERS)).isEqualTo("public.orders is created earlier in this plan, "
                + "and raw SQL since may have filled it");
    }
}
