package dev.zanith.spring.autoconfigure;

import dev.zanith.spring.autoconfigure.metrics.ZanithMetrics;
import org.junit.jupiter.api.Test;
import org.springframework.beans.BeanWrapperImpl;
import org.springframework.boot.convert.DurationStyle;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The generated configuration metadata: every property with its true default, and every documented key in it. */
class ZanithConfigurationMetadataTest {

    /** A {@code zanith.*} key in prose: not part of a longer dotted name (dev.zanith.audit, management.endpoint.zanith) or a path (provisioning/zanith.yaml). */
    private static final Pattern KEY = Pattern.compile("(?<![\\w./-])zanith\\.[a-z][a-z0-9-]*(?:\\.[a-z][a-z0-9-]*)*");

    private static Map<String, JsonNode> properties() throws IOException {
        try (InputStream in = ZanithConfigurationMetadataTest.class.getResourceAsStream(
                "/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("generated metadata on the classpath").isNotNull();
            Map<String, JsonNode> byName = new TreeMap<>();
            for (JsonNode property : JsonMapper.builder().build().readTree(in).path("properties")) {
                String name = property.path("name").asString();
                if (name.startsWith("zanith.")) {
                    byName.put(name, property);
                }
            }
            return byName;
        }
    }

    @Test
    void everyPropertyWithADefaultCarriesThatDefaultInTheMetadata() throws IOException {
        BeanWrapperImpl defaults = new BeanWrapperImpl(new ZanithProperties());
        Map<String, JsonNode> properties = properties();
        assertThat(properties).hasSizeGreaterThan(25);
        for (Map.Entry<String, JsonNode> entry : properties.entrySet()) {
            Object actual = defaults.getPropertyValue(camelCase(entry.getKey().substring("zanith.".length())));
            JsonNode declared = entry.getValue().get("defaultValue");
            if (actual == null) {
                assertThat(declared).as("%s has no default, so the metadata states none", entry.getKey()).isNull();
                continue;
            }
            assertThat(declared).as("default of %s in the metadata", entry.getKey()).isNotNull();
            assertThat(normalize(declared, actual)).as(entry.getKey()).isEqualTo(normalize(actual));
        }
    }

    @Test
    void everyZanithKeyInTheReadmeAndDocsIsAPropertyOrAMeter() throws IOException {
        Set<String> known = new TreeSet<>(properties().keySet());
        known.addAll(ZanithMetrics.METER_NAMES);
        Path root = Path.of("..").toAbsolutePath().normalize();
        List<Path> files = new ArrayList<>();
        files.add(root.resolve("README.md"));
        try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).forEach(files::add);
        }
        Set<String> unknown = new TreeSet<>();
        int mentions = 0;
        for (Path file : files) {
            Matcher matcher = KEY.matcher(Files.readString(file));
            while (matcher.find()) {
                mentions++;
                String key = matcher.group();
                if (!known.contains(key)) {
                    unknown.add(root.relativize(file) + ": " + key);
                }
            }
        }
        assertThat(mentions).as("the README names zanith.* properties").isGreaterThan(10);
        assertThat(unknown).as("zanith.* keys named in the docs but not in the metadata").isEmpty();
    }

    @Test
    void denyReasonsOfferEveryReasonCodeAsAHint() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            JsonNode root = JsonMapper.builder().build().readTree(in);
            Set<String> hinted = new TreeSet<>();
            for (JsonNode hint : root.path("hints")) {
                if (hint.path("name").asString().equals("zanith.deny-reasons")) {
                    hint.path("values").forEach(v -> hinted.add(v.path("value").asString()));
                }
            }
            Set<String> codes = new TreeSet<>();
            for (dev.zanith.api.risk.ReasonCode code : dev.zanith.api.risk.ReasonCode.values()) {
                codes.add(code.code());
            }
            assertThat(hinted).isEqualTo(codes);
        }
    }

    private static String camelCase(String kebab) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : kebab.toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }

    /** A Java default as the metadata would state it. */
    private static Object normalize(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(ZanithConfigurationMetadataTest::normalize).toList();
        }
        if (value instanceof dev.zanith.api.risk.ReasonCode code) {
            return code.code();
        }
        if (value instanceof Enum<?> e) {
            return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
        return value;
    }

    /** The metadata's default read as the type of the Java default. */
    private static Object normalize(JsonNode declared, Object actual) {
        if (actual instanceof Duration) {
            return DurationStyle.detectAndParse(declared.asString());
        }
        if (actual instanceof List<?>) {
            List<Object> values = new ArrayList<>();
            declared.forEach(v -> values.add(v.asString()));
            return values;
        }
        if (actual instanceof Boolean) {
            return declared.asBoolean();
        }
        if (actual instanceof Integer) {
            return declared.asInt();
        }
        return declared.asString();
    }
}
