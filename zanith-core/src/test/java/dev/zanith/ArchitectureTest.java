package dev.zanith;

import com.tngtech.archunit.core.domain.JavaClasses;
import dev.zanith.api.output.ApplyResult;
import dev.zanith.api.output.Plan;
import dev.zanith.testsupport.Architecture;
import dev.zanith.api.output.VerifyResult;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
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

    @Test
    void theFacadeItsConfigurationAndItsResultsStateWhatMayBeNull() throws NoSuchMethodException {
        assertThat(Zanith.class.getPackage().isAnnotationPresent(NullMarked.class)).as("package dev.zanith").isTrue();
        for (Class<?> result : List.of(ApplyResult.class, Plan.class, VerifyResult.class)) {
            assertThat(result.isAnnotationPresent(NullMarked.class)).as(result.getName()).isTrue();
        }
        assertThat(nullableComponents(ApplyResult.class)).containsExactly("refusal");
        assertThat(nullableComponents(Plan.class)).containsExactly("refusal");
        assertThat(nullableComponents(VerifyResult.class)).containsExactly("failedStep");
        assertThat(ZanithConfig.class.getMethod("migrations").getAnnotatedReturnType()
                .isAnnotationPresent(Nullable.class)).isTrue();
    }

    private static List<String> nullableComponents(Class<?> record) {
        return Arrays.stream(record.getRecordComponents())
                .filter(c -> c.getAnnotatedType().isAnnotationPresent(Nullable.class))
                .map(java.lang.reflect.RecordComponent::getName).toList();
    }
}
