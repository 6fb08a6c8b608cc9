package dev.zanith.internal.risk;

import dev.zanith.api.risk.Assessment;
import dev.zanith.api.risk.ReasonCode;
import dev.zanith.api.risk.SizeTier;
import dev.zanith.internal.risk.RiskTable;
import dev.zanith.internal.risk.RiskContext;
import dev.zanith.internal.risk.RiskModel;
import dev.zanith.api.ops.AlterColumnType;
import dev.zanith.api.ops.RenameColumn;
import dev.zanith.api.ops.RenameTable;
import dev.zanith.api.ops.SchemaEffect;
import dev.zanith.api.schema.SchemaGraph;
import dev.zanith.api.schema.TableName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The risk model sees later steps of a plan through the same model of an operation's effect as verify and the
 * differ ({@link SchemaEffect}): a rename carries the constraints, indexes and foreign keys that name the column
 * or table with it, so the facts of a later step still find them.
 */
class OneEffectModelTest {

    @Test
    void aRenamedColumnKeepsItsIndexesForLaterSteps() {
        RiskContext context = RiskTable.context(SizeTier.SMALL)
                .after(new RenameColumn(RiskTable.TABLE, "handle", "login"));
        Assessment collation = RiskModel.classify(new AlterColumnType(RiskTable.TABLE, "login", "character varying(20)",
                "C", null, null), context);
        assertThat(collation.reasons()).contains(ReasonCode.REBUILDS_INDEX);
        assertThat(collation.notes()).anyMatch(n -> n.contains("users_handle_key rebuilt"));
    }

    @Test
    void aRenamedTableKeepsTheForeignKeysThatReferenceIt() {
        SchemaGraph after = SchemaEffect.apply(RiskTable.graph(), new RenameTable(RiskTable.TABLE, "accounts"));
        assertThat(after.table(new TableName("public", "orders")).orElseThrow().foreignKeys())
                .allMatch(fk -> fk.referenced().equals(new TableName("public", "accounts")));
        RiskContext context = RiskTable.context(SizeTier.SMALL).after(new RenameTable(RiskTable.TABLE, "accounts"));
        Assessment idChange = RiskModel.classify(new AlterColumnType(new TableName("public", "accounts"), "id", "integer",
                null, null, null), context);
        assertThat(idChange.facts().locks()).anyMatch(l -> l.table().name().equals("orders"));
    }
}
