package dev.zanith.internal.risk;

import dev.zanith.api.ops.CreateFunction;
import dev.zanith.api.ops.GrantPrivileges;
import dev.zanith.api.ops.RevokePrivileges;
import dev.zanith.api.risk.Assessment;
import dev.zanith.api.risk.RiskLevel;
import dev.zanith.api.risk.SizeTier;
import dev.zanith.api.schema.Routine;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How routine privileges are judged: EXECUTE is access clients use, unless the routine is new in the plan. */
class PrivilegeRiskTest {

    private static final Routine ADD_ONE = new Routine("public", "add_one", "public.add_one(integer)", Routine.FUNCTION,
            "i integer", "integer", "sql", "CREATE OR REPLACE FUNCTION public.add_one(i integer)\n RETURNS integer\n "
            + "LANGUAGE sql\nAS $function$SELECT i + 1$function$\n");
    private static final RevokePrivileges REVOKE_FROM_PUBLIC = new RevokePrivileges("function", "public",
            ADD_ONE.signature(), null, "PUBLIC", List.of("execute"), false, false);

    @Test
    void revokingExecuteFromAnExistingRoutineBreaksItsCallers() {
        Assessment a = RiskModel.classify(REVOKE_FROM_PUBLIC, RiskTable.context(SizeTier.SMALL));
        assertThat(a.level()).isEqualTo(RiskLevel.HIGH);
        assertThat(a.facts().breaksClients()).isTrue();
        assertThat(a.facts().locks()).isEmpty();
    }

    @Test
    void revokingExecuteFromARoutineCreatedEarlierInThePlanIsSafe() {
        Assessment a = RiskModel.classify(REVOKE_FROM_PUBLIC,
                RiskTable.context(SizeTier.SMALL).after(new CreateFunction(ADD_ONE)));
        assertThat(a.level()).isEqualTo(RiskLevel.SAFE);
        assertThat(a.facts().breaksClients()).isNotEqualTo(Boolean.TRUE);
    }

    @Test
    void aRoutineGrantTakesOnlyExecuteAndNeverAGrantOptionForPublic() {
        assertThat(REVOKE_FROM_PUBLIC.privileges()).containsExactly("EXECUTE");
        assertThat(REVOKE_FROM_PUBLIC.render(dev.zanith.api.ops.RenderContext.preview()).script()).contains("ON ROUTINE public.add_one(integer)");
        assertThatThrownBy(() -> new GrantPrivileges("function", "public", ADD_ONE.signature(), null, "app",
                List.of("SELECT"), false)).hasMessageContaining("SELECT is not a privilege on a function");
        assertThatThrownBy(() -> new GrantPrivileges("table", "public", "t", null, "PUBLIC", List.of("SELECT"), true))
                .hasMessageContaining("not to PUBLIC");
    }
}
