package dev.zanith.cli;

import dev.zanith.api.risk.RiskLevel;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Zanith Studio's risk pills wear the CLI pills' background colors (as xterm draws them), level by level. */
class StudioRiskColorsTest {

    @Test
    void everyLevelHasThePillColorOfTheCli() throws IOException {
        String css;
        try (InputStream in = StudioRiskColorsTest.class.getResourceAsStream("/dev/zanith/studio/assets/studio.css")) {
            assertThat(in).as("the Studio's stylesheet on the classpath").isNotNull();
            css = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (RiskLevel level : RiskLevel.values()) {
            Matcher m = Pattern.compile("--risk-" + level.id() + ":\\s*(#[0-9A-Fa-f]{6});").matcher(css);
            assertThat(m.find()).as("--risk-%s in studio.css", level.id()).isTrue();
            assertThat(m.group(1).toUpperCase()).as(level.id()).isEqualTo(GrafanaRiskColorsTest.pillColor(level));
            assertThat(css).as(".pill-%s uses its variable", level.id())
                    .containsPattern("\\.pill-" + level.id() + " \\{ background: var\\(--risk-" + level.id() + "\\)");
        }
    }
}
