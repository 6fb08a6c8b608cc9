package dev.zanith.maven;

import dev.zanith.ZanithConfig;
import org.apache.maven.plugins.annotations.Parameter;

import java.util.List;

/** The gates plan and apply share: {@code maxRisk}, {@code allowDestructive}, {@code denyReasons}. */
abstract class AbstractGatedMojo extends AbstractShadowMojo {

    /** Refuse any step scoring above this (0-100). Default: off. */
    @Parameter(property = "zanith.max-risk")
    Integer maxRisk;

    /** Consent to steps that can lose data. */
    @Parameter(property = "zanith.allow-destructive", defaultValue = "false")
    boolean allowDestructive;

    /** Refuse any step carrying one of these reason codes (see zanith risk); {@code -Dzanith.deny-reasons=a,b}. */
    @Parameter(property = "zanith.deny-reasons")
    List<String> denyReasons;

    ZanithConfig.Builder gatedConfigBuilder() {
        return configBuilder().maxRisk(maxRisk).allowDestructive(allowDestructive)
                .denyReasons(denyReasons == null ? List.of() : denyReasons);
    }
}
