package dev.zanith.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The files the peer benchmark feeds to Zanith and to its peers: small SQL migrations named so that both Zanith
 * and Flyway accept them ({@code V001__…sql}), and a YAML backfill with the single UPDATE it is compared with.
 */
final class PeerWorkloads {

    /** The table the backfill rows live in: a bigint primary key, a value, and the column the backfill fills. */
    static final String BACKFILL_TABLE = "bench_backfill";

    private PeerWorkloads() {
    }

    /**
     * Writes {@code count} small migrations into {@code dir}: odd ones create a table with an identity key,
     * even ones add a column and an index to the table the one before created — the everyday shape of a long
     * migration history.
     */
    static void writeSqlMigrations(Path dir, int count) throws IOException {
        int width = Math.max(3, Integer.toString(count).length());
        for (int i = 1; i <= count; i++) {
            String number = String.format(Locale.ROOT, "%0" + width + "d", i);
            String sql;
            String slug;
            if (i % 2 == 1) {
                slug = "create_bench_m" + i;
                sql = "CREATE TABLE bench_m" + i + " (\n"
                        + "    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,\n"
                        + "    name text NOT NULL,\n"
                        + "    created_at timestamptz NOT NULL DEFAULT now()\n"
                        + ");\n";
            } else {
                int table = i - 1;
                slug = "extend_bench_m" + table;
                sql = "ALTER TABLE bench_m" + table + " ADD COLUMN note text;\n"
                        + "CREATE INDEX bench_m" + table + "_name_idx ON bench_m" + table + " (name);\n";
            }
            Files.writeString(dir.resolve("V" + number + "__" + slug + ".sql"), sql);
        }
    }

    /** DDL and data of the backfill table: {@code rows} rows, {@code filled} still NULL. */
    static String backfillTable(long rows) {
        return "CREATE TABLE " + BACKFILL_TABLE + " (id bigint PRIMARY KEY, amount integer NOT NULL, filled integer);\n"
                + "INSERT INTO " + BACKFILL_TABLE + " (id, amount) SELECT g, (g % 1000)::integer "
                + "FROM generate_series(1, " + rows + ") AS g;\n";
    }

    /** The YAML backfill migration: every row's {@code filled} from {@code amount} where still NULL (a non-destructive backfill). */
    static void writeBackfillMigration(Path dir) throws IOException {
        String id = "V001__fill_" + BACKFILL_TABLE;
        Files.writeString(dir.resolve(id + ".yaml"), "id: " + id + "\n"
                + "operations:\n"
                + "  - backfill:\n"
                + "      table: public." + BACKFILL_TABLE + "\n"
                + "      set:\n"
                + "        filled: amount * 2\n"
                + "      where: filled IS NULL\n");
    }

    /** The peer of the backfill: the same change as one statement. */
    static String singleUpdate() {
        return "UPDATE public." + BACKFILL_TABLE + " SET filled = amount * 2 WHERE filled IS NULL";
    }
}
