package dev.zanith.maven;

import com.tngtech.archunit.core.domain.JavaClasses;
import dev.zanith.testsupport.Architecture;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Maven plugin uses zanith-core through the facade and its API types only, as the CLI does (see
 * {@link Architecture#frontEndMayUse}).
 */
class FrontEndArchitectureTest {

    @Test
    void thePluginUsesNoImplementationClassOfTheCore() {
        JavaClasses classes = Architecture.classesBeside(PlanMojo.class);
        assertThat(classes.contain(PlanMojo.class)).isTrue();
        assertThat(Architecture.frontEndViolations(classes)).isEmpty();
    }
}
