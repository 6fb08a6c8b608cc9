package dev.zanith.jpa;

import com.tngtech.archunit.core.domain.JavaClasses;
import dev.zanith.testsupport.Architecture;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** zanith-jpa uses zanith-core through the facade and its API types only (see {@link Architecture#frontEndMayUse}). */
class FrontEndArchitectureTest {

    @Test
    void zanithJpaUsesNoImplementationClassOfTheCore() {
        JavaClasses classes = Architecture.classesBeside(EntityMigrations.class);
        assertThat(classes.contain(EntityMigrations.class)).isTrue();
        assertThat(classes.contain(EntityModel.class)).isTrue();
        assertThat(Architecture.frontEndViolations(classes)).isEmpty();
    }
}
