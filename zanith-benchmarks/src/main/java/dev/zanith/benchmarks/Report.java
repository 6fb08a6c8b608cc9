package dev.zanith.benchmarks;

import java.util.Locale;

/** Plain-text tables for a terminal or a log: ASCII only, numbers right-aligned, no colours. */
final class Report {

    /** "Under a second for 1,000 models" from the issue. */
    static final double ONE_THOUSAND_MODELS_TARGET_MILLIS = 1_000;
    /** "1,000 to 10,000 tables costs at most ~12x the time". */
    static final double SCALING_TARGET_RATIO = 12;

    private Report() {
    }

    static String single(BenchmarkResult r) {
        StringBuilder out = new StringBuilder();
        String title = String.format(Locale.ROOT, "Zanith introspection benchmark: %,d tables, %,d foreign keys (seed %d)",
                r.tables(), r.foreignKeys(), r.seed());
        out.append(title).append('\n').append("-".repeat(title.length())).append('\n');
        line(out, "server", r.serverVersion() + " at " + r.serverAddress());
        line(out, "database", r.database() + (r.databaseKept() ? " (kept)" : " (dropped at the end; --keep keeps it)"));
        line(out, "generation", String.format(Locale.ROOT, "%s (%d tables per transaction), then catalog VACUUM ANALYZE %s",
                seconds(r.generationMillis()), GeneratedSchema.TABLES_PER_TRANSACTION, seconds(r.catalogVacuumMillis())));
        line(out, "pg_dump", r.pgDump().version());
        out.append('\n');

        ExpectedCounts e = r.expected();
        IntrospectedCounts i = r.introspected();
        out.append(String.format(Locale.ROOT, "%-34s %12s %14s%n", "schema", "generated", "introspected"));
        count(out, "models", e.tables(), i.models());
        count(out, "fields", e.columns(), i.fields());
        count(out, "relation edges", e.foreignKeys(), i.relationEdges());
        count(out, "indexes (besides PK/unique)", e.indexes(), i.indexes());
        count(out, "unique constraints", e.uniqueConstraints(), i.uniqueConstraints());
        count(out, "check constraints", e.checkConstraints(), i.checkConstraints());
        count(out, "enum types", e.enums(), i.enums());
        count(out, "functions", e.functions(), i.functions());
        count(out, "triggers", e.triggers(), i.triggers());
        count(out, "views", e.views(), i.views());
        if (!i.matches(e)) {
            out.append("  WARNING: the introspected counts differ from what was generated\n");
        }
        out.append('\n');

        out.append(String.format(Locale.ROOT, "%-34s %12s %14s %12s%n",
                "wall time, ms (1 warm-up + " + r.runs() + " runs)", "min", "median", "max"));
        timings(out, "zanith introspection", r.introspection());
        PgDump.Result dump = r.pgDump();
        if (dump.measured()) {
            timings(out, "pg_dump --schema-only", dump.timings());
            out.append(String.format(Locale.ROOT, "  %-32s %12s %14s%n", "introspection / pg_dump (median)", "",
                    ratio(r.introspection().median() / dump.timings().median())));
        } else {
            out.append(String.format(Locale.ROOT, "  %-32s %12s%n", "pg_dump --schema-only", "not measured"));
            out.append("    ").append(dump.problem()).append('\n');
        }
        line(out, "peak heap used", String.format(Locale.ROOT, "%,d MB during the timed introspection runs",
                r.peakHeapBytes() / (1024 * 1024)));
        out.append('\n');

        out.append("targets\n");
        double median = r.introspection().median();
        if (r.tables() == LargeSchemaGenerator.DEFAULT_TABLES) {
            target(out, "1,000 models introspected in < 1 s", millis(median), median < ONE_THOUSAND_MODELS_TARGET_MILLIS);
        }
        if (dump.measured()) {
            double versus = median / dump.timings().median();
            target(out, "no slower than pg_dump --schema-only", ratio(versus), versus <= 1);
        } else {
            out.append("  no slower than pg_dump --schema-only: not checked (pg_dump not measured)\n");
        }
        return out.toString();
    }

    static String scaling(BenchmarkResult small, BenchmarkResult large) {
        StringBuilder out = new StringBuilder();
        String title = String.format(Locale.ROOT, "Scaling: %,d -> %,d tables (%s the tables, %s the foreign keys)",
                small.tables(), large.tables(), ratio((double) large.tables() / small.tables()),
                ratio((double) large.foreignKeys() / small.foreignKeys()));
        out.append(title).append('\n').append("-".repeat(title.length())).append('\n');
        out.append(String.format(Locale.ROOT, "%-32s %14s %15s %9s%n", "median wall time",
                String.format(Locale.ROOT, "%,d tables", small.tables()),
                String.format(Locale.ROOT, "%,d tables", large.tables()), "ratio"));
        double introspection = large.introspection().median() / small.introspection().median();
        out.append(String.format(Locale.ROOT, "  %-30s %14s %15s %9s%n", "zanith introspection",
                millis(small.introspection().median()), millis(large.introspection().median()), ratio(introspection)));
        if (small.pgDump().measured() && large.pgDump().measured()) {
            out.append(String.format(Locale.ROOT, "  %-30s %14s %15s %9s%n", "pg_dump --schema-only",
                    millis(small.pgDump().timings().median()), millis(large.pgDump().timings().median()),
                    ratio(large.pgDump().timings().median() / small.pgDump().timings().median())));
        } else {
            out.append("  pg_dump --schema-only: not measured at both sizes\n");
        }
        out.append(String.format(Locale.ROOT, "  %-30s %14s %15s%n", "generation",
                seconds(small.generationMillis()), seconds(large.generationMillis())));
        out.append('\n').append("targets\n");
        target(out, String.format(Locale.ROOT, "10x the tables costs <= ~%.0fx the time", SCALING_TARGET_RATIO),
                ratio(introspection), introspection <= SCALING_TARGET_RATIO);
        return out.toString();
    }

    private static void line(StringBuilder out, String label, String value) {
        out.append(String.format(Locale.ROOT, "%-16s %s%n", label, value));
    }

    private static void count(StringBuilder out, String label, int generated, int introspected) {
        out.append(String.format(Locale.ROOT, "  %-32s %,12d %,14d%n", label, generated, introspected));
    }

    private static void timings(StringBuilder out, String label, Timings t) {
        out.append(String.format(Locale.ROOT, "  %-32s %,12.1f %,14.1f %,12.1f%n", label, t.min(), t.median(), t.max()));
    }

    private static void target(StringBuilder out, String label, String value, boolean met) {
        out.append(String.format(Locale.ROOT, "  %-40s %12s   %s%n", label, value, met ? "met" : "NOT MET"));
    }

    private static String millis(double value) {
        return String.format(Locale.ROOT, "%,.1f ms", value);
    }

    private static String seconds(double millis) {
        return String.format(Locale.ROOT, "%,.1f s", millis / 1000);
    }

    private static String ratio(double value) {
        return String.format(Locale.ROOT, "%.2fx", value);
    }
}
