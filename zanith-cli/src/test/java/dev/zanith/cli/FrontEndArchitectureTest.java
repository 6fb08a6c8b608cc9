package dev.zanith.cli;

import com.tngtech.archunit.core.domain.JavaClasses;
import dev.zanith.testsupport.Architecture;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The CLI uses zanith-core through the facade and its API types only (see {@link Architecture#frontEndMayUse}). */
class FrontEndArchitectureTest {

    @Test
    void theCliUsesNoImplementationClassOfTheCore() {
        JavaClasses classes = Architecture.classesBeside(ZanithCli.class);
        assertThat(classes.contain(ZanithCli.class)).isTrue();
        assertThat(Architecture.frontEndViolations(classes)).isEmpty();
    }
}
