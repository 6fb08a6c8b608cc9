package dev.zanith.internal.risk;

import dev.zanith.api.ops.AddColumn;
import dev.zanith.api.ops.AddDomainConstraint;
import dev.zanith.api.ops.AddTypeAttribute;
import dev.zanith.api.ops.AlterColumnType;
import dev.zanith.api.ops.CreateCompositeType;
import dev.zanith.api.ops.CreateDomain;
import dev.zanith.api.ops.DropTypeAttribute;
import dev.zanith.api.ops.ValidateDomainConstraint;
import dev.zanith.api.risk.Assessment;
import dev.zanith.api.risk.LockMode;
import dev.zanith.api.risk.RiskLevel;
import dev.zanith.api.risk.SizeTier;
import dev.zanith.api.risk.TableLock;
import dev.zanith.api.schema.Column;
import dev.zanith.api.schema.CompositeType;
import dev.zanith.api.schema.Domain;
import dev.zanith.api.schema.DomainConstraint;
import dev.zanith.api.schema.TypeAttribute;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The risk model on domains and composite types created or changed earlier in the same plan (no database). */
class TypeRiskTest {

    private static final Domain POSITIVE = new Domain("public", "positive", "numeric", null, null, false,
            List.of(new DomainConstraint("positive_check", "CHECK ((VALUE > (0)::numeric))", true)));
    private static final Domain PLAIN = new Domain("public", "plain", "numeric", null, null, false, List.of());

    @Test
    void aColumnOfADomainCreatedEarlierWithACheckRewritesTheTable() {
        RiskContext context = RiskTable.context(SizeTier.SMALL).after(new CreateDomain(POSITIVE));
        Assessment a = RiskModel.classify(new AddColumn(RiskTable.TABLE, Column.of("credit", "public.positive", false)),
                context);
        assertThat(a.facts().rewrite()).isTrue();
    }

    @Test
    void aColumnOfAnUnconstrainedDomainCreatedEarlierRewritesNothing() {
        RiskContext context = RiskTable.context(SizeTier.SMALL).after(new CreateDomain(PLAIN));
        Assessment a = RiskModel.classify(new AddColumn(RiskTable.TABLE, Column.of("credit", "public.plain", false)),
                context);
        assertThat(a.facts().rewrite()).isFalse();
    }

    @Test
    void aDomainConstraintLocksTheTablesWhoseColumnsUseTheDomainOnlyWhenValidated() {
        RiskContext context = RiskTable.context(SizeTier.LARGE).after(new CreateDomain(PLAIN))
                .after(new AlterColumnType(RiskTable.TABLE, "balance", "public.plain", null, null, null));
        DomainConstraint check = new DomainConstraint("plain_check", "CHECK ((VALUE > (0)::numeric))", true);
        Assessment notValid = RiskModel.classify(new AddDomainConstraint(PLAIN.qualifiedName(), check, true), context);
        assertThat(notValid.facts().locks()).isEmpty();
        assertThat(notValid.level()).isEqualTo(RiskLevel.LOW);
        Assessment validated = RiskModel.classify(new AddDomainConstraint(PLAIN.qualifiedName(), check, false), context);
        assertThat(validated.facts().locks()).containsExactly(new TableLock(RiskTable.TABLE, LockMode.SHARE,
                TableLock.SCAN));
        Assessment validate = RiskModel.classify(new ValidateDomainConstraint(PLAIN.qualifiedName(), "plain_check"),
                context.after(new AddDomainConstraint(PLAIN.qualifiedName(), check, true)));
        assertThat(validate.facts().locks()).containsExactly(new TableLock(RiskTable.TABLE, LockMode.SHARE,
                TableLock.SCAN));
        assertThat(validate.facts().scan()).isTrue();
    }

    @Test
    void droppingAnAttributeOfATypeAColumnWithDataUsesIsDestructive() {
        CompositeType address = new CompositeType("public", "address", List.of(new TypeAttribute("street", "text", null),
                new TypeAttribute("zip", "integer", null)));
        RiskContext unused = RiskTable.context(SizeTier.SMALL).after(new CreateCompositeType(address));
        DropTypeAttribute drop = new DropTypeAttribute(address.qualifiedName(), "zip", null);
        assertThat(RiskModel.classify(drop, unused).level()).isEqualTo(RiskLevel.LOW);
        RiskContext used = unused.after(new AlterColumnType(RiskTable.TABLE, "code", "public.address", null,
                "NULL::public.address", null));
        Assessment a = RiskModel.classify(drop, used);
        assertThat(a.level()).isEqualTo(RiskLevel.DESTRUCTIVE);
        assertThat(a.facts().dataLoss()).isTrue();
        assertThat(RiskModel.classify(new AddTypeAttribute(address.qualifiedName(), new TypeAttribute("country", "text",
                null)), used).facts().dataLoss()).isFalse();
    }
}
