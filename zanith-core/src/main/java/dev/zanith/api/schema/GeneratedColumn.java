package dev.zanith.api.schema;

/** A generated column's expression; stored (computed on write) or virtual (PostgreSQL 18, computed on read). */
public record GeneratedColumn(String expression, boolean stored) {

    public GeneratedColumn {
        Lists.require(expression, "generation expression");
    }
}
