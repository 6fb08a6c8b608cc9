package dev.zanith.internal.audit;

import dev.zanith.api.schema.SchemaGraph;
import dev.zanith.api.schema.SchemaGraphJson;
import dev.zanith.internal.Checksums;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * A schema graph cut into content-addressed parts, the way {@code _zanith_schema_snapshot_parts} stores it: every
 * element of a top-level list of objects (a table, a view, a routine, ...) is one part, named by a hash of its compact
 * JSON, and the graph itself becomes a manifest naming its parts in order, with the other top-level properties (the
 * format, the schema names) inline. The view {@code _zanith_schema_snapshots} assembles a manifest back into the
 * graph's jsonb, equal to the jsonb of {@link SchemaGraphJson#toCompactJson} (SchemaSnapshotsTest).
 *
 * <p>Why: a migration touching one table of a thousand changes one part. Storing the whole graph after every
 * migration wrote megabytes each time (3.5 MB of JSON at the benchmark's 1,000 models), so a run of many small
 * migrations cost schema size × migration count; now a snapshot writes its manifest (tens of kilobytes at that size)
 * and only the parts not stored yet.
 */
final class GraphParts {

    /** The graph's top-level properties: its record components, which Jackson writes under the same names. */
    private static final RecordComponent[] PROPERTIES = SchemaGraph.class.getRecordComponents();
    /**
     * Each part's hash by the part (equal parts, equal hash): applying migrations cuts a graph after every one, and
     * all but a few parts are equal to the last one's. Weak keys: only parts still in use are held.
     */
    private static final Map<Object, String> HASHES = Collections.synchronizedMap(new WeakHashMap<>());

    private final String manifest;
    private final Map<String, Object> parts;

    private GraphParts(String manifest, Map<String, Object> parts) {
        this.manifest = manifest;
        this.parts = parts;
    }

    static GraphParts of(SchemaGraph graph) {
        StringBuilder manifest = new StringBuilder("{\"format\":{\"value\":")
                .append(SchemaGraphJson.partToCompactJson(SchemaGraphJson.FORMAT)).append('}');
        Map<String, Object> parts = new LinkedHashMap<>();
        for (RecordComponent property : PROPERTIES) {
            Object value = value(property, graph);
            if (value == null || (value instanceof Collection<?> c && c.isEmpty())
                    || (value instanceof Map<?, ?> m && m.isEmpty()) || "".equals(value)) {
                continue; // the JSON form leaves empty properties out (NON_EMPTY)
            }
            manifest.append(",\"").append(property.getName()).append("\":");
            if (value instanceof List<?> list && !(list.get(0) instanceof CharSequence)
                    && !(list.get(0) instanceof Number)) {
                manifest.append("{\"parts\":[");
                for (int i = 0; i < list.size(); i++) {
                    Object element = list.get(i);
                    String hash = HASHES.get(element);
                    if (hash == null) {
                        hash = hash(SchemaGraphJson.partToCompactJson(element));
                        HASHES.put(element, hash);
                    }
                    parts.putIfAbsent(hash, element);
                    manifest.append(i == 0 ? "\"" : ",\"").append(hash).append('"');
                }
                manifest.append("]}");
            } else {
                manifest.append("{\"value\":").append(SchemaGraphJson.partToCompactJson(value)).append('}');
            }
        }
        return new GraphParts(manifest.append('}').toString(), parts);
    }

    /**
     * The name of a part: the first 128 bits of the SHA-256 of its compact JSON, in hex. Parts are named within one
     * database's audit tables; 128 bits keep a collision out of reach there at half the manifest's size.
     */
    static String hash(String json) {
        return Checksums.sha256Hex(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)).substring(0, 32);
    }

    /** The manifest as JSON text: {@code {"property": {"parts": [hash, ...]} | {"value": json}, ...}}. */
    String manifest() {
        return manifest;
    }

    /** The hashes of every part the graph uses, each once, in first-use order. */
    java.util.Set<String> hashes() {
        return parts.keySet();
    }

    /** The compact JSON of the part named {@code hash}: what {@link SchemaGraphJson#toCompactJson} writes for it. */
    String json(String hash) {
        Object part = parts.get(hash);
        if (part == null) {
            throw new IllegalArgumentException("no part " + hash);
        }
        return SchemaGraphJson.partToCompactJson(part);
    }

    private static Object value(RecordComponent property, SchemaGraph graph) {
        try {
            return property.getAccessor().invoke(graph);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + property.getName() + " of a schema graph", e);
        }
    }
}
