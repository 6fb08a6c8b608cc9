package dev.zanith.api.output;

/** The migration tools whose history {@code zanith adopt} takes over. */
public enum MigrationTool {
    FLYWAY("flyway", "Flyway", "flyway_schema_history"),
    LIQUIBASE("liquibase", "Liquibase", "databasechangelog");

    private final String id;
    private final String displayName;
    private final String defaultTable;

    MigrationTool(String id, String displayName, String defaultTable) {
        this.id = id;
        this.displayName = displayName;
        this.defaultTable = defaultTable;
    }

    /** {@code flyway} or {@code liquibase}, as in {@code zanith adopt flyway}. */
    public String id() {
        return id;
    }

    /** {@code Flyway} or {@code Liquibase}, for messages. */
    public String displayName() {
        return displayName;
    }

    /** The history table's name when the tool is not configured otherwise. */
    public String defaultTable() {
        return defaultTable;
    }
}
