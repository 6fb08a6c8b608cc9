package dev.zanith;

import com.tngtech.archunit.core.domain.JavaClass;
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
    void theApiNamesNoImplementationClass() {
        assertThat(Architecture.apiLeaks(CORE))
                .as("public API members whose signature names a dev.zanith.internal class (move the type under "
                        + "dev.zanith.api, or keep the member out of the API)")
                .isEmpty();
    }

    @Test
    void everyClassIsApiOrInternal() {
        assertThat(CORE.stream().map(JavaClass::getPackageName).distinct()
                .filter(p -> !p.equals("dev.zanith") && !p.startsWith("dev.zanith.api") && !p.startsWith("dev.zanith.internal")))
                .as("packages outside dev.zanith.api and dev.zanith.internal").isEmpty();
        assertThat(CORE.stream().filter(c -> c.getPackageName().equals("dev.zanith") && !c.getSimpleName().equals("package-info"))
                .map(c -> c.getName().split("\\$")[0]).distinct())
                .as("the root package holds the facade and its configuration only")
                .containsExactlyInAnyOrder("dev.zanith.Zanith", "dev.zanith.ZanithConfig");
    }

    @Test
    void componentsFormNoCycle() {
        slices().assignedFrom(Architecture.components()).should().beFreeOfCycles().check(CORE);
    }

    @Test
    void theFacadeItsConfigurationAndItsResultsStateWhatMayBeNull() throws NoSuchMethodException {
        Set<String> apiPackages = CORE.stream().filter(Architecture::isApi).map(JavaClass::getPackageName)
                .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        assertThat(apiPackages).contains("dev.zanith", "dev.zanith.api", "dev.zanith.api.exception",
                "dev.zanith.api.schema", "dev.zanith.api.ops", "dev.zanith.api.migration", "dev.zanith.api.risk",
                "dev.zanith.api.output");
        assertThat(CORE.stream().filter(Architecture::isApi).map(JavaClass::reflect).map(Class::getPackage).distinct()
                .filter(p -> !p.isAnnotationPresent(NullMarked.class)).map(Package::getName))
                .as("API packages without @NullMarked in their package-info.java (nothing in them is null unless "
                        + "marked @Nullable)")
                .isEmpty();
        assertThat(nullableComponents(dev.zanith.api.migration.Migration.class)).containsExactly("description");
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
