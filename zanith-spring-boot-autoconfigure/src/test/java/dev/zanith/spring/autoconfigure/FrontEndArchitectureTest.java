package dev.zanith.spring.autoconfigure;

import com.tngtech.archunit.core.domain.JavaClasses;
import dev.zanith.testsupport.Architecture;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The starter uses zanith-core through the facade and its API types only (see {@link Architecture#frontEndMayUse}). */
class FrontEndArchitectureTest {

    @Test
    void theStarterUsesNoImplementationClassOfTheCore() {
        JavaClasses classes = Architecture.classesBeside(ZanithAutoConfiguration.class);
        assertThat(classes.contain(ZanithAutoConfiguration.class)).isTrue();
        assertThat(Architecture.frontEndViolations(classes)).isEmpty();
    }
}
