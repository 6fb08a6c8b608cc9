package dev.zanith;

import com.tngtech.archunit.core.domain.JavaClasses;
import dev.zanith.testsupport.Architecture;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.TreeSet;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/** zanith-core's dependencies point one way: the layers and exemptions of {@link Architecture}. */
class ArchitectureTest {

    private static final JavaClasses CORE = Architecture.coreClasses(Zanith.class);

    @Test
    void everyPackageIsInALayerAndDependsOnlyOnLowerLayers() {
        Set<String> used = new TreeSet<>();
        assertThat(Architecture.wrongWay(CORE, used))
                .as("dependencies against the layers of Architecture.LAYERS (fix them, or place a new package)")
                .isEmpty();
    }

    @Test
    void theExemptionListOnlyShrinks() {
        Set<String> used = new TreeSet<>();
        Architecture.wrongWay(CORE, used);
        assertThat(Architecture.EXEMPTIONS).as("exemptions no longer needed: delete them from Architecture.EXEMPTIONS")
                .containsExactlyInAnyOrderElementsOf(used);
    }

    @Test
    void componentsFormNoCycle() {
        slices().assignedFrom(Architecture.components()).should().beFreeOfCycles().check(CORE);
    }
}
