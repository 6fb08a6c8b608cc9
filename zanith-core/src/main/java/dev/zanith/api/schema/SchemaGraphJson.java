package dev.zanith.api.schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.zanith.api.exception.ZanithException;
import dev.zanith.internal.Checksums;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;


/**
 * The stable JSON form of a {@link SchemaGraph}: properties in declaration order, collections in the
 * graph's canonical order, nulls and empty collections left out. The same graph always gives the same bytes,
 * and reading them back gives an equal graph. The fingerprint is the SHA-256 of the compact form.
 */
public final class SchemaGraphJson {

    /** The value of the top-level {@code format} property. */
    public static final String FORMAT = "zanith.schema-graph/1";

    private static final ObjectMapper JSON = configure(JsonMapper.builder()).build();
    private static final ObjectMapper YAML = configure(YAMLMapper.builder()).build();

    private SchemaGraphJson() {
    }

    private static <M extends ObjectMapper, B extends tools.jackson.databind.cfg.MapperBuilder<M, B>> B configure(B builder) {
        return builder
                .changeDefaultPropertyInclusion(incl -> JsonInclude.Value.construct(JsonInclude.Include.NON_EMPTY,
                        JsonInclude.Include.NON_EMPTY))
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                // Hand-written graphs may leave out false flags, as the written form leaves out empty lists.
                .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    }

    /** Pretty-printed JSON, for people and files. */
    public static String toJson(SchemaGraph graph) {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(document(graph)) + "\n";
    }

    /** Compact JSON: the form that is fingerprinted and stored. */
    public static String toCompactJson(SchemaGraph graph) {
        return JSON.writeValueAsString(document(graph));
    }

    /** {@code sha256:<hex>} of the compact JSON form. */
    public static String fingerprint(SchemaGraph graph) {
        return Checksums.sha256(toCompactJson(graph));
    }

    /** Reads the JSON form (as written by {@link #toJson}); {@code source} names the input in errors. */
    public static SchemaGraph fromJson(String json, String source) {
        return read(JSON, json, source);
    }

    /** Reads the same structure written as YAML. */
    public static SchemaGraph fromYaml(String yaml, String source) {
        return read(YAML, yaml, source);
    }

    private static ObjectNode document(SchemaGraph graph) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.setAll((ObjectNode) JSON.valueToTree(graph));
        return root;
    }

    private static SchemaGraph read(ObjectMapper mapper, String text, String source) {
        try {
            JsonNode tree = mapper.readTree(text);
            if (tree == null || !tree.isObject()) {
                throw new ZanithException(source + ": not a schema graph (expected an object with \"tables\", "
                        + "\"enums\", ...). Produce one with: zanith inspect --format json");
            }
            JsonNode format = tree.get("format");
            if (format != null && !FORMAT.equals(format.asString())) {
                throw new ZanithException(source + ": unsupported schema graph format '" + format.asString()
                        + "'; this Zanith reads '" + FORMAT + "'.");
            }
            // Bind from the text, not the tree, so that errors carry line numbers.
            return mapper.readValue(text, SchemaGraph.class);
        } catch (JacksonException e) {
            throw new ZanithException(source + ": invalid schema graph: " + e.getOriginalMessage()
                    + location(e) + ". Compare with the output of: zanith inspect --format json", e);
        } catch (IllegalArgumentException e) {
            throw new ZanithException(source + ": invalid schema graph: " + e.getMessage(), e);
        }
    }

    private static String location(JacksonException e) {
        return e.getLocation() != null && e.getLocation().getLineNr() > 0
                ? " (line " + e.getLocation().getLineNr() + ")" : "";
    }
}
