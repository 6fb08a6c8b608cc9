package dev.zanith.internal.migration;

import dev.zanith.api.ops.Operation;
import tools.jackson.databind.JsonNode;

/** Operations as trees of their file form, for tools that rewrite them (e.g. mapping schema names). */
public final class OperationCodec {

    private OperationCodec() {
    }

    public static JsonNode toTree(Operation operation) {
        return MigrationYaml.MAPPER.readTree(MigrationYaml.MAPPER.writerFor(Operation.class).writeValueAsString(operation));
    }

    public static Operation fromTree(JsonNode tree) {
        return MigrationYaml.MAPPER.treeToValue(tree, Operation.class);
    }
}
