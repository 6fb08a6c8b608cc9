package dev.zanith.api.schema;

/**
 * An exclusion constraint of a table ({@code pg_constraint} contype {@code x}).
 *
 * @param definition as {@code pg_get_constraintdef()} prints it: {@code EXCLUDE USING gist (during WITH &&)},
 *                   with any {@code WHERE}, {@code INCLUDE} and {@code DEFERRABLE}
 */
public record ExclusionConstraint(String schema, String table, String name, String definition) {

    public ExclusionConstraint {
        Lists.require(schema, "exclusion constraint schema");
        Lists.require(table, "exclusion constraint table");
        Lists.require(name, "exclusion constraint name");
        Lists.require(definition, "definition of exclusion constraint " + name);
    }

    public TableName qualifiedTable() {
        return new TableName(schema, table);
    }

    /** The same constraint on another table (a renamed one). */
    public ExclusionConstraint onTable(TableName newTable) {
        return new ExclusionConstraint(newTable.schema(), newTable.name(), name, definition);
    }
}
