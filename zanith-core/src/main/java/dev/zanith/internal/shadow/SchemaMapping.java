package dev.zanith.internal.shadow;

import dev.zanith.internal.sql.Identifiers;
import dev.zanith.internal.introspect.IntrospectionOptions;
import dev.zanith.internal.migration.OperationCodec;
import dev.zanith.api.ops.Operation;
import dev.zanith.api.schema.LiveSchema;
import dev.zanith.api.schema.SchemaGraph;
import dev.zanith.api.schema.SchemaGraphJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How names in a shadow relate to the real ones. Identity for every shadow but the same-database
 * {@code schema} topology, where each migrated schema lives under an ephemeral name: schema fields are renamed
 * and qualified references in SQL text ({@code public.users}, {@code 'public.t_id_seq'::regclass},
 * {@code '...'::public.mood}) are rewritten, except references to extension objects, which are database-wide.
 */
public final class SchemaMapping {

    public static final SchemaMapping IDENTITY = new SchemaMapping(Map.of(), Set.of());

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, String> toShadow;
    private final Map<String, String> fromShadow = new LinkedHashMap<>();
    private final Set<String> extensionObjects;

    /**
     * @param toShadow         real schema → shadow schema
     * @param extensionObjects {@code schema.name} of extension-owned types and functions, never remapped
     */
    public SchemaMapping(Map<String, String> toShadow, Set<String> extensionObjects) {
        this.toShadow = Map.copyOf(toShadow);
        this.extensionObjects = Set.copyOf(extensionObjects);
        toShadow.forEach((real, shadow) -> fromShadow.put(shadow, real));
    }

    public boolean isIdentity() {
        return toShadow.isEmpty();
    }

    public String schemaToShadow(String schema) {
        return toShadow.getOrDefault(schema, schema);
    }

    public String schemaFromShadow(String schema) {
        return fromShadow.getOrDefault(schema, schema);
    }

    /** Options that read the shadow's copies of the configured schemas. */
    public IntrospectionOptions shadowOptions(IntrospectionOptions options) {
        if (isIdentity()) {
            return options;
        }
        return new IntrospectionOptions(options.schemas().stream().map(this::schemaToShadow).toList(),
                options.excludedPrefix(), options.skipMissingSchemas());
    }

    public List<String> shadowSchemas(List<String> schemas) {
        return schemas.stream().map(this::schemaToShadow).toList();
    }

    /** {@code schema.table} from the shadow, in real names. */
    public String qualifiedFromShadow(String qualified) {
        int dot = qualified.indexOf('.');
        return dot < 0 ? qualified : schemaFromShadow(qualified.substring(0, dot)) + qualified.substring(dot);
    }

    public SchemaGraph graphToShadow(SchemaGraph graph) {
        return isIdentity() ? graph : mapGraph(graph, toShadow, true);
    }

    public SchemaGraph graphFromShadow(SchemaGraph graph) {
        return isIdentity() ? graph : mapGraph(graph, fromShadow, false);
    }

    public LiveSchema fromShadow(LiveSchema live) {
        return isIdentity() ? live : new LiveSchema(live.database(), live.server(), graphFromShadow(live.graph()), Map.of());
    }

    public Operation operationToShadow(Operation operation) {
        if (isIdentity()) {
            return operation;
        }
        return OperationCodec.fromTree(map(OperationCodec.toTree(operation), toShadow, true));
    }

    /** Rewrites qualified references to mapped schemas in SQL text. */
    public String textToShadow(String text) {
        return mapText(text, toShadow, true);
    }

    private SchemaGraph mapGraph(SchemaGraph graph, Map<String, String> names, boolean toShadowSide) {
        ObjectNode tree = (ObjectNode) JSON.readTree(SchemaGraphJson.toCompactJson(graph));
        JsonNode extensions = tree.remove("extensions");
        ObjectNode mapped = (ObjectNode) map(tree, names, toShadowSide);
        if (extensions != null) {
            mapped.set("extensions", extensions); // database-wide: they stay where they are
        }
        return SchemaGraphJson.fromJson(JSON.writeValueAsString(mapped), "shadow schema mapping");
    }

    private JsonNode map(JsonNode node, Map<String, String> names, boolean toShadowSide) {
        if (node.isObject()) {
            ObjectNode copy = JSON.createObjectNode();
            for (String field : node.propertyNames()) {
                JsonNode value = node.get(field);
                if ((field.equals("schema") || field.equals("referencedSchema")) && value.isString()) {
                    copy.set(field, StringNode.valueOf(names.getOrDefault(value.asString(), value.asString())));
                } else if (field.equals("schemas") && value.isArray()) {
                    ArrayNode schemas = copy.putArray(field);
                    value.forEach(s -> schemas.add(names.getOrDefault(s.asString(), s.asString())));
                } else {
                    copy.set(field, map(value, names, toShadowSide));
                }
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JSON.createArrayNode();
            node.forEach(item -> copy.add(map(item, names, toShadowSide)));
            return copy;
        }
        if (node.isString()) {
            return StringNode.valueOf(mapText(node.asString(), names, toShadowSide));
        }
        return node;
    }

    private String mapText(String text, Map<String, String> names, boolean toShadowSide) {
        String result = text;
        for (Map.Entry<String, String> name : names.entrySet()) {
            String quoted = Identifiers.quote(name.getKey());
            Pattern reference = Pattern.compile("(?<![\\w$\"])" + Pattern.quote(quoted) + "\\.(\"(?:[^\"]|\"\")+\"|[\\w$]+)");
            Matcher m = reference.matcher(result);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String object = m.group(1);
                String bare = object.startsWith("\"") ? object.substring(1, object.length() - 1).replace("\"\"", "\"") : object;
                boolean keep = toShadowSide && extensionObjects.contains(name.getKey() + "." + bare);
                m.appendReplacement(out, Matcher.quoteReplacement(keep ? m.group() : Identifiers.quote(name.getValue()) + "." + object));
            }
            m.appendTail(out);
            result = out.toString();
        }
        return result;
    }
}
