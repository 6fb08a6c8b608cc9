package dev.zanith.internal.verify;

import dev.zanith.api.output.Difference;
import dev.zanith.api.schema.DefaultPrivilege;
import dev.zanith.api.schema.SchemaGraph;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Verify's drift check sees a built-in default privilege revoked on one side only. */
class DefaultPrivilegeDriftTest {

    @Test
    void aRevokedBuiltInDefaultOnOneSideIsADifference() {
        SchemaGraph hardened = SchemaGraph.empty().withDefaultPrivileges(List.of(
                DefaultPrivilege.revoked("functions", "PUBLIC", "EXECUTE")));
        List<Difference> missing = SchemaComparison.compareStructure(hardened, SchemaGraph.empty());
        assertThat(missing).singleElement().satisfies(d -> {
            assertThat(d.model()).isEqualTo("default privilege built-in EXECUTE on new functions revoked from PUBLIC");
            assertThat(d.aspect()).isEqualTo("missing");
        });
        assertThat(SchemaComparison.compareStructure(SchemaGraph.empty(), hardened)).singleElement()
                .satisfies(d -> assertThat(d.aspect()).isEqualTo("unexpected"));
        assertThat(SchemaComparison.compareStructure(hardened, hardened)).isEmpty();
    }
}
