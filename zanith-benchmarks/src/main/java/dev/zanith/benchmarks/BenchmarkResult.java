package dev.zanith.benchmarks;

/** Everything one benchmark at one size measured, for the report. */
record BenchmarkResult(String serverVersion, String serverAddress, String database, boolean databaseKept,
                       int tables, int foreignKeys, long seed, int runs, ExpectedCounts expected,
                       double generationMillis, double catalogVacuumMillis, IntrospectedCounts introspected,
                       Timings introspection, long peakHeapBytes, PgDump.Result pgDump) {
}
