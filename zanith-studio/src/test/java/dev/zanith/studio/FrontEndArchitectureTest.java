package dev.zanith.studio;

import com.tngtech.archunit.core.domain.JavaClasses;
import dev.zanith.testsupport.Architecture;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The Studio uses zanith-core through the facade and its API types only (see {@link Architecture#frontEndMayUse}). */
class FrontEndArchitectureTest {

    @Test
    void theStudioUsesNoImplementationClassOfTheCore() {
        JavaClasses classes = Architecture.classesBeside(Studio.class);
        assertThat(classes.contain(Studio.class)).isTrue();
        assertThat(Architecture.frontEndViolations(classes)).isEmpty();
    }
}
