package dev.zanith.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A {@link DeclaredSchemaSource} for the tests: the declared schema is one table per name in the {@code tables}
 * option (comma-separated), each with an id and a name column. Registered in META-INF/services like a real one.
 */
public final class TableListSource implements DeclaredSchemaSource {

    @Override
    public String name() {
        return "table-list";
    }

    @Override
    public Path write(Context context) throws IOException {
        String tables = context.options().get("tables");
        if (tables == null || tables.isBlank()) {
            throw new IllegalArgumentException("set <declaredSourceOptions><tables>a,b</tables></declaredSourceOptions>");
        }
        StringBuilder sql = new StringBuilder();
        for (String table : tables.split(",")) {
            sql.append("CREATE TABLE ").append(table.trim()).append(" (id bigint PRIMARY KEY, name text NOT NULL);\n");
        }
        Path file = context.workDirectory().resolve("declared.sql");
        Files.writeString(file, sql);
        return file;
    }
}
