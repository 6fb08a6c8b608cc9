package dev.zanith.api.schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.zanith.api.exception.ZanithException;
import dev.zanith.internal.Checksums;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;


/**
 * The stable JSON form of a {@link SchemaGraph}: properties in declaration order, collections in the
 * graph's canonical order, nulls and empty collections left out. The same graph always gives the same bytes,
 * and reading them back gives an equal graph. The fingerprint is the SHA-256 of the compact form.
 */
public final class SchemaGraphJson {

    /** The value of the top-level {@code format} property. */
    public static final String FORMAT = "zanith.schema-graph/1";

    private static final ObjectMapper JSON = configure(JsonMapper.builder()).build();
    /**
     * Tables' compact JSON by table. Applying migrations stores a snapshot after each one, and all but the few
     * tables a migration touched are the same (equal, usually the same instances) as in the last one: serializing
     * the whole graph each time made a run of many small migrations cost schema size × migration count. Equal
     * tables give identical bytes, so the cache is keyed by equality; keys are weak, so it holds only tables still
     * in use.
     */
    private static final Map<Table, String> TABLE_JSON = Collections.synchronizedMap(new WeakHashMap<>());
    /** {@link #JSON} writing each table from {@link #TABLE_JSON}: byte for byte what {@link #JSON} writes. */
    private static final ObjectMapper COMPACT = configure(JsonMapper.builder())
            .addModule(new SimpleModule("zanith-table-json").addSerializer(Table.class, new ValueSerializer<Table>() {
                @Override
                public void serialize(Table table, JsonGenerator generator, SerializationContext context) {
                    generator.writeRawValue(TABLE_JSON.computeIfAbsent(table, JSON::writeValueAsString));
                }
            }))
            .build();
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
        // The document is {"format":…} followed by the graph's own properties (see document()); written without
        // the intermediate tree, and with unchanged tables from the cache.
        String properties = COMPACT.writeValueAsString(graph);
        String format = "{\"format\":" + JSON.writeValueAsString(FORMAT);
        return properties.equals("{}") ? format + "}" : format + "," + properties.substring(1);
    }

    /**
     * One part of a graph (a table, a list of views, ...) in compact JSON, written exactly as {@link #toCompactJson}
     * writes it inside the graph: for storing a graph as its differences from one stored before.
     */
    public static String partToCompactJson(Object part) {
        return COMPACT.writeValueAsString(part);
    }

    /** {@code sha256:<hex>} of the compact JSON form (its UTF-8 bytes). */
    public static String fingerprint(SchemaGraph graph) {
        // Digested as it is written, without first building the whole form as one string: apply fingerprints the
        // graph after every migration, and at 1,000 tables that string (1–2 MB, copied as it grows and again into
        // bytes) cost more than the digest itself.
        MessageDigest sha256 = Checksums.newSha256();
        sha256.update(("{\"format\":" + JSON.writeValueAsString(FORMAT)).getBytes(StandardCharsets.UTF_8));
        COMPACT.writeValue(new PropertiesAfterFormat(sha256), graph);
        return Checksums.sha256(sha256);
    }

    /**
     * Feeds the graph's own JSON object to a digest as {@link #toCompactJson} joins it to the format property: its
     * opening brace becomes a comma, unless the object is empty ({@code {}}), which only closes the document.
     */
    private static final class PropertiesAfterFormat extends OutputStream {
        private final MessageDigest digest;
        private int seen;

        PropertiesAfterFormat(MessageDigest digest) {
            this.digest = digest;
        }

        @Override
        public void write(int b) {
            if (seen == 0) {
                seen++; // the object's '{'
                return;
            }
            if (seen == 1) {
                seen++;
                if (b != '}') {
                    digest.update((byte) ',');
                }
            }
            digest.update((byte) b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            int i = offset;
            int end = offset + length;
            while (i < end && seen < 2) {
                write(bytes[i++]);
            }
            if (i < end) {
                digest.update(bytes, i, end - i);
            }
        }
    }

    /** Reads the JSON form (as written by {@link #toJson}); {@code source} names the input in errors. */
    public static SchemaGraph fromJson(String json, String source) {
        return read(JSON, json, source);
    }

    /** Reads the same structure written as YAML. */
    public static SchemaGraph fromYaml(String yaml, String source) {
        return read(YAML, yaml, source);
    }

    /** The tree-based writing {@link #toCompactJson} replaced, byte for byte its result: the reference in tests. */
    static String treeCompactJson(SchemaGraph graph) {
        return JSON.writeValueAsString(document(graph));
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
