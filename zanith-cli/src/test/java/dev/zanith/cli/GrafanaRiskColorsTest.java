package dev.zanith.cli;

import dev.zanith.api.output.text.RiskPills;
import dev.zanith.api.risk.RiskLevel;
import dev.zanith.testsupport.GrafanaFiles;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Grafana dashboard colors risk like the CLI's pills: each level's value mapping and each risk-score threshold
 * uses the background color of {@link RiskPills#style(RiskLevel)} as an xterm terminal draws it, and the thresholds
 * step exactly at the levels' published bands.
 */
class GrafanaRiskColorsTest {

    /** xterm's default palette for the ANSI background codes (41-47, and 100 for bright black). */
    private static final Map<Integer, String> XTERM_BACKGROUNDS = Map.of(41, "#CD0000", 42, "#00CD00", 43, "#CDCD00",
            44, "#0000EE", 45, "#CD00CD", 46, "#00CDCD", 47, "#E5E5E5", 100, "#7F7F7F");

    @Test
    void riskLevelMappingsShowTheLevelOnItsPillColor() {
        List<JsonNode> mappings = new ArrayList<>();
        collect(GrafanaFiles.dashboard(), "mappings", mappings);
        List<JsonNode> riskMappings = new ArrayList<>();
        for (JsonNode list : mappings) {
            for (JsonNode mapping : list) {
                if (mapping.path("options").has(RiskLevel.SAFE.id())) {
                    riskMappings.add(mapping.path("options"));
                }
            }
        }
        assertThat(riskMappings).as("the two tables with a worst_level column").hasSizeGreaterThanOrEqualTo(2);
        for (JsonNode options : riskMappings) {
            assertThat(names(options)).containsExactlyInAnyOrderElementsOf(Arrays.stream(RiskLevel.values())
                    .map(RiskLevel::id).toList());
            for (RiskLevel level : RiskLevel.values()) {
                JsonNode option = options.path(level.id());
                assertThat(option.path("text").asString()).as(level + " reads like the pill").isEqualTo(level.name());
                assertThat(option.path("color").asString()).as(level + " color").isEqualTo(pillColor(level));
            }
        }
    }

    @Test
    void riskScoreThresholdsStepAtTheBandsInPillColors() {
        Map<Object, String> expected = new LinkedHashMap<>();
        for (RiskLevel level : RiskLevel.values()) {
            // Grafana's first step has no value: it colors everything below the second step.
            expected.put(level.min() == 0 ? "null" : level.min(), pillColor(level));
        }
        List<JsonNode> thresholds = new ArrayList<>();
        collect(GrafanaFiles.dashboard(), "thresholds", thresholds);
        List<Map<Object, String>> riskThresholds = new ArrayList<>();
        for (JsonNode threshold : thresholds) {
            Map<Object, String> steps = new LinkedHashMap<>();
            for (JsonNode step : threshold.path("steps")) {
                steps.put(step.path("value").isNull() ? "null" : step.path("value").asInt(), step.path("color").asString());
            }
            // A risk threshold is one that steps at the level bands, at least at the first one above safe.
            if (steps.containsKey(RiskLevel.LOW.min())) {
                riskThresholds.add(steps);
            }
        }
        assertThat(riskThresholds).as("worst_score in two tables and the worst pending risk stat").hasSize(3)
                .allSatisfy(steps -> assertThat(steps).containsExactlyEntriesOf(expected));
    }

    /** The xterm color of the pill's background: the background parameter of its SGR escape sequence. */
    static String pillColor(RiskLevel level) {
        String code = RiskPills.style(level).code();
        String[] parameters = code.substring(code.indexOf('[') + 1, code.indexOf('m')).split(";");
        for (String parameter : parameters) {
            int p = Integer.parseInt(parameter);
            if ((p >= 40 && p <= 47) || (p >= 100 && p <= 107)) {
                assertThat(XTERM_BACKGROUNDS).as("background " + p + " of " + level).containsKey(p);
                return XTERM_BACKGROUNDS.get(p);
            }
        }
        throw new AssertionError(level + " pill has no background color: " + code.replace("\u001B", "ESC"));
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.propertyNames().forEach(names::add);
        return names;
    }

    /**
     * Every value of a field config property named {@code name} anywhere in the tree: a property of that name, or a
     * field override's {@code {"id": name, "value": ...}}.
     */
    private static void collect(JsonNode node, String name, List<JsonNode> found) {
        if (node.isObject()) {
            if (name.equals(node.path("id").asString(null)) && node.has("value")) {
                found.add(node.path("value"));
            }
            for (String property : names(node)) {
                JsonNode value = node.path(property);
                if (property.equals(name)) {
                    found.add(value);
                }
                collect(value, name, found);
            }
        } else if (node.isArray()) {
            node.forEach(child -> collect(child, name, found));
        }
    }
}
