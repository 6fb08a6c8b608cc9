package dev.zanith.benchmarks;

import dev.zanith.internal.sql.Identifiers;

import java.util.List;

/**
 * One kind of column the generator may give a table: name, type, how often it is NOT NULL, its default, an
 * optional CHECK and how often it is UNIQUE. The set mixes plain, ORM-style and keyword names on purpose, so
 * quoting is exercised end to end.
 *
 * @param check a CHECK expression with {@code %s} standing for the quoted column name, or null
 */
record ColumnTemplate(String name, String type, double notNullChance, String defaultSql, String check,
                      double uniqueChance) {

    /** The handful of enum types the enum-typed columns use: name and labels. */
    static final List<List<String>> ENUMS = List.of(
            List.of("record_status", "draft", "active", "suspended", "archived"),
            List.of("priority_level", "low", "normal", "high", "urgent"),
            List.of("currency_code", "EUR", "USD", "GBP", "JPY", "CHF"),
            List.of("channel_kind", "web", "mobile", "api", "batch"),
            List.of("approval_state", "pending", "approved", "rejected"));

    /** Every table has this one right after its primary key. */
    static final ColumnTemplate CREATED_AT =
            new ColumnTemplate("created_at", "timestamptz", 1, "now()", null, 0);

    String quotedName() {
        return Identifiers.quote(name);
    }

    /** The optional templates, in the order they appear in a table. Enum types are qualified with {@code schema}. */
    static List<ColumnTemplate> optional(String schema) {
        String status = Identifiers.qualify(schema, "record_status");
        String priority = Identifiers.qualify(schema, "priority_level");
        String currency = Identifiers.qualify(schema, "currency_code");
        String channel = Identifiers.qualify(schema, "channel_kind");
        String approval = Identifiers.qualify(schema, "approval_state");
        return List.of(
                new ColumnTemplate("name", "text", 0.7, null, "char_length(%s) > 0", 0),
                new ColumnTemplate("title", "varchar(200)", 0.5, null, null, 0),
                new ColumnTemplate("code", "varchar(32)", 0.8, null, "%s ~ '^[A-Z0-9_-]+$'", 0.6),
                new ColumnTemplate("email", "varchar(255)", 0.4, null, "position('@' IN %s) > 1", 0.4),
                new ColumnTemplate("slug", "varchar(120)", 0.6, null, null, 0.5),
                new ColumnTemplate("externalId", "varchar(64)", 0, null, null, 0.3),
                new ColumnTemplate("type", "text", 0.3, null, null, 0),
                new ColumnTemplate("description", "text", 0, null, null, 0),
                new ColumnTemplate("notes", "text", 0, null, null, 0),
                new ColumnTemplate("quantity", "integer", 1, "0", "%s >= 0", 0),
                new ColumnTemplate("position", "integer", 0.5, "0", "%s >= 0", 0),
                new ColumnTemplate("version", "integer", 1, "1", "%s > 0", 0),
                new ColumnTemplate("size_bytes", "bigint", 0.2, null, "%s >= 0", 0),
                new ColumnTemplate("external_ref", "bigint", 0, null, null, 0.2),
                new ColumnTemplate("amount", "numeric(12,2)", 1, "0", "%s >= 0", 0),
                new ColumnTemplate("rate", "numeric(8,4)", 0.3, null, "%s BETWEEN 0 AND 1", 0),
                new ColumnTemplate("weight_kg", "numeric(10,3)", 0, null, "%s > 0", 0),
                new ColumnTemplate("is_active", "boolean", 1, "true", null, 0),
                new ColumnTemplate("archived", "boolean", 1, "false", null, 0),
                new ColumnTemplate("due_on", "date", 0, null, "%s > DATE '2000-01-01'", 0),
                new ColumnTemplate("updated_at", "timestamptz", 1, "now()", null, 0),
                new ColumnTemplate("published_at", "timestamptz", 0, "now()", null, 0),
                new ColumnTemplate("deleted_at", "timestamptz", 0, null, null, 0),
                new ColumnTemplate("metadata", "jsonb", 1, "'{}'::jsonb", null, 0),
                new ColumnTemplate("settings", "jsonb", 0, null, null, 0),
                new ColumnTemplate("public_id", "uuid", 1, "gen_random_uuid()", null, 0.7),
                new ColumnTemplate("correlation_id", "uuid", 0, null, null, 0),
                new ColumnTemplate("status", status, 1, "'draft'", null, 0),
                new ColumnTemplate("priority", priority, 0.5, "'normal'", null, 0),
                new ColumnTemplate("currency", currency, 1, "'EUR'", null, 0),
                new ColumnTemplate("channel", channel, 0, null, null, 0),
                new ColumnTemplate("approval", approval, 0.6, "'pending'", null, 0));
    }
}
