package dev.zanith.benchmarks;

import dev.zanith.api.schema.SchemaGraph;

/** What the introspector read back, counted like {@link ExpectedCounts} so the two can be compared. */
record IntrospectedCounts(int models, int fields, int relationEdges, int indexes, int uniqueConstraints,
                          int checkConstraints, int enums, int functions, int triggers, int views) {

    static IntrospectedCounts of(SchemaGraph graph) {
        return new IntrospectedCounts(graph.tables().size(), graph.columnCount(), graph.foreignKeyCount(),
                graph.indexCount(), graph.tables().stream().mapToInt(t -> t.uniqueConstraints().size()).sum(),
                graph.tables().stream().mapToInt(t -> t.checkConstraints().size()).sum(), graph.enums().size(),
                graph.routines().size(), graph.triggers().size(),
                (int) graph.views().stream().filter(v -> !v.materialized()).count());
    }

    boolean matches(ExpectedCounts expected) {
        return models == expected.tables() && fields == expected.columns()
                && relationEdges == expected.foreignKeys() && indexes == expected.indexes()
                && uniqueConstraints == expected.uniqueConstraints()
                && checkConstraints == expected.checkConstraints() && enums == expected.enums()
                && functions == expected.functions() && triggers == expected.triggers()
                && views == expected.views();
    }
}
