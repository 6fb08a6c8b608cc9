package dev.zanith.api.output;


/** Another migration tool's history table, recognised by its columns (whatever its name). */
public record ForeignHistory(MigrationTool tool, String schema, String table) {

    /** {@code schema.table}, as written (unquoted). */
    public String qualifiedName() {
        return schema + "." + table;
    }
}
