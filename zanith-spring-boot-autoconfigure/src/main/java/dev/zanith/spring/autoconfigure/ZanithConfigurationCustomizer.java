package dev.zanith.spring.autoconfigure;

import dev.zanith.ZanithConfig;

/**
 * Customizes the configuration of the auto-configured {@link dev.zanith.Zanith} after the {@code zanith.*}
 * properties have been applied and before it is built (and validated), e.g. to set something no property covers
 * or to compute a value. Every bean of this type is called, in {@link org.springframework.core.annotation.Order
 * order}.
 */
@FunctionalInterface
public interface ZanithConfigurationCustomizer {

    void customize(ZanithConfig.Builder configuration);
}
