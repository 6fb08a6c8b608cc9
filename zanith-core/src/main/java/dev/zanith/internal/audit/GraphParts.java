package dev.zanith.internal.audit;

import dev.zanith.api.schema.SchemaGraph;
import dev.zanith.api.schema.SchemaGraphJson;
import dev.zanith.internal.Checksums;

import org.jspecify.annotations.Nullable;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    /** One part: its name and its compact JSON (UTF-8). */
    private record Part(String hash, byte[] json) {
    }

    private final String manifest;
    private final String fingerprint;
    /** Each part by its hash, in first-use order. */
    private final Map<String, Part> parts;
    /** Each element of the graph's lists (by identity) as a part, for the next graph's cut to reuse. */
    private final Map<Object, Part> byElement;

    private GraphParts(String manifest, String fingerprint, Map<String, Part> parts, Map<Object, Part> byElement) {
        this.manifest = manifest;
        this.fingerprint = fingerprint;
        this.parts = parts;
        this.byElement = byElement;
    }

    /** {@code graph} cut into parts, every part serialized and hashed. */
    static GraphParts of(SchemaGraph graph) {
        return of(graph, null);
    }

    /**
     * {@code graph} cut into parts, reusing the JSON and hash of every element that is the very same object (not
     * merely equal) as one of {@code previous}'s. Applying migrations cuts the graph after every one, and a refresh
     * hands on the previous graph's objects for all it did not re-read: at 1,000 tables, serializing and hashing them
     * all again (and the deep equality a cache keyed by equal values needs) was a third of each migration's time.
     *
     * <p>The fingerprint is computed from the same parts: the SHA-256 of the graph's compact JSON, which is the format
     * property and then each non-empty property in declaration order, a list of objects written as its elements'
     * compact JSON joined by commas — byte for byte {@link SchemaGraphJson#toCompactJson} (SchemaSnapshotsTest).
     */
    static GraphParts of(SchemaGraph graph, @Nullable GraphParts previous) {
        String format = SchemaGraphJson.partToCompactJson(SchemaGraphJson.FORMAT);
        StringBuilder manifest = new StringBuilder("{\"format\":{\"value\":").append(format).append('}');
        MessageDigest whole = Checksums.newSha256();
        whole.update(utf8("{\"format\":" + format));
        Map<String, Part> parts = new LinkedHashMap<>();
        Map<Object, Part> byElement = new IdentityHashMap<>();
        for (RecordComponent property : PROPERTIES) {
            Object value = value(property, graph);
            if (value == null || (value instanceof Collection<?> c && c.isEmpty())
                    || (value instanceof Map<?, ?> m && m.isEmpty()) || "".equals(value)) {
                continue; // the JSON form leaves empty properties out (NON_EMPTY)
            }
            manifest.append(",\"").append(property.getName()).append("\":");
            whole.update(utf8(",\"" + property.getName() + "\":"));
            if (value instanceof List<?> list && !(list.get(0) instanceof CharSequence)
                    && !(list.get(0) instanceof Number)) {
                manifest.append("{\"parts\":[");
                whole.update((byte) '[');
                for (int i = 0; i < list.size(); i++) {
                    Object element = list.get(i);
                    Part part = previous == null ? null : previous.byElement.get(element);
                    if (part == null) {
                        byte[] json = utf8(SchemaGraphJson.partToCompactJson(element));
                        part = new Part(hash(json), json);
                    }
                    byElement.put(element, part);
                    parts.putIfAbsent(part.hash(), part);
                    manifest.append(i == 0 ? "\"" : ",\"").append(part.hash()).append('"');
                    if (i > 0) {
                        whole.update((byte) ',');
                    }
                    whole.update(part.json());
                }
                manifest.append("]}");
                whole.update((byte) ']');
            } else {
                String json = SchemaGraphJson.partToCompactJson(value);
                manifest.append("{\"value\":").append(json).append('}');
                whole.update(utf8(json));
            }
        }
        whole.update((byte) '}');
        return new GraphParts(manifest.append('}').toString(), Checksums.sha256(whole), parts, byElement);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The name of a part: the first 128 bits of the SHA-256 of its compact JSON (UTF-8), in hex. Parts are named
     * within one database's audit tables; 128 bits keep a collision out of reach there at half the manifest's size.
     */
    static String hash(byte[] json) {
        return Checksums.sha256Hex(json).substring(0, 32);
    }

    /** {@code sha256:<hex>} of the whole graph's compact JSON: {@link SchemaGraphJson#fingerprint}, computed here. */
    String fingerprint() {
        return fingerprint;
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
        Part part = parts.get(hash);
        if (part == null) {
            throw new IllegalArgumentException("no part " + hash);
        }
        return new String(part.json(), StandardCharsets.UTF_8);
    }

    private static Object value(RecordComponent property, SchemaGraph graph) {
        try {
            return property.getAccessor().invoke(graph);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + property.getName() + " of a schema graph", e);
        }
    }
}
