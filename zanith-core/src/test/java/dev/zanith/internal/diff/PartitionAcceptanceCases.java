package dev.zanith.internal.diff;

import dev.zanith.api.DropStrategy;

import java.util.List;

import static dev.zanith.api.ops.OperationKind.*;
import static dev.zanith.internal.diff.AcceptanceCase.of;

/** The acceptance table's partitioned tables: keys, partitions (range, list, hash, default), attach, detach, indexes. */
final class PartitionAcceptanceCases {

    private static final String EVENTS = """
            CREATE TABLE events (id bigint NOT NULL, at date NOT NULL, region text, payload text)
              PARTITION BY RANGE (at);
            CREATE TABLE events_2026_01 PARTITION OF events FOR VALUES FROM ('2026-01-01') TO ('2026-02-01');
            """;
    private static final String EVENTS_FEB =
            "CREATE TABLE events_2026_02 PARTITION OF events FOR VALUES FROM ('2026-02-01') TO ('2026-03-01');";
    private static final String EVENT_ROWS = """
            INSERT INTO events SELECT g, DATE '2026-01-01' + (g % 31), 'eu', 'p' || g FROM generate_series(1, 500) g;
            """;
    private static final String REGIONS = """
            CREATE TABLE sales (id bigint NOT NULL, region text, amount numeric(12,2)) PARTITION BY LIST (region);
            CREATE TABLE sales_eu PARTITION OF sales FOR VALUES IN ('de', 'fr');
            """;
    private static final String BUCKETS = """
            CREATE TABLE buckets (id bigint NOT NULL, v text) PARTITION BY HASH (id);
            CREATE TABLE buckets_0 PARTITION OF buckets FOR VALUES WITH (MODULUS 2, REMAINDER 0);
            """;
    private static final String USERS = "CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, name text);";
    private static final String NO_INVALID_INDEX = "SELECT count(*) FROM pg_index WHERE NOT indisvalid";

    private PartitionAcceptanceCases() {
    }

    static List<AcceptanceCase> all() {
        return List.of(
                // ------------------------------------------------------------------ new partitioned tables
                of("create a range-partitioned table with partitions", "", EVENTS + EVENTS_FEB).expect(CREATE_TABLE),
                of("create a list-partitioned table with a default partition", "",
                        REGIONS + "CREATE TABLE sales_other PARTITION OF sales DEFAULT;").expect(CREATE_TABLE),
                of("create a hash-partitioned table with its partitions", "", BUCKETS
                        + "CREATE TABLE buckets_1 PARTITION OF buckets FOR VALUES WITH (MODULUS 2, REMAINDER 1);")
                        .expect(CREATE_TABLE),
                of("create a partitioned table with a primary key and an index", "", """
                        CREATE TABLE ledger (id bigint, at date, amount numeric, PRIMARY KEY (id, at)) PARTITION BY RANGE (at);
                        CREATE TABLE ledger_2026 PARTITION OF ledger FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
                        CREATE INDEX ledger_amount_idx ON ledger (amount);
                        """).expect(CREATE_TABLE, ADD_INDEX),
                of("create a sub-partitioned table", "", """
                        CREATE TABLE metrics (id bigint, at date, region text) PARTITION BY RANGE (at);
                        CREATE TABLE metrics_2026 PARTITION OF metrics FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')
                          PARTITION BY LIST (region);
                        CREATE TABLE metrics_2026_eu PARTITION OF metrics_2026 FOR VALUES IN ('eu');
                        CREATE TABLE metrics_2026_rest PARTITION OF metrics_2026 DEFAULT;
                        """).expect(CREATE_TABLE),
                of("create a partitioned table in a named schema", "", """
                        CREATE SCHEMA audit;
                        CREATE TABLE audit.entries (id bigint, at date) PARTITION BY RANGE (at);
                        CREATE TABLE audit.entries_2026 PARTITION OF audit.entries FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
                        """).schemas("public", "audit").expect(CREATE_SCHEMA, CREATE_TABLE),
                of("an unchanged partitioned table needs nothing", EVENTS + EVENTS_FEB, EVENTS + EVENTS_FEB),

                // ------------------------------------------------------------------ partitions added
                of("add a range partition", EVENTS, EVENTS + EVENTS_FEB).data(EVENT_ROWS).expect(CREATE_PARTITION)
                        .forbid(CREATE_TABLE).check("SELECT count(*) FROM events", 500),
                of("add a list partition", REGIONS, REGIONS + "CREATE TABLE sales_us PARTITION OF sales FOR VALUES IN ('us');")
                        .expect(CREATE_PARTITION),
                of("add a default partition", REGIONS, REGIONS + "CREATE TABLE sales_other PARTITION OF sales DEFAULT;")
                        .expect(CREATE_PARTITION),
                of("add a list partition beside a default partition holding other rows",
                        REGIONS + "CREATE TABLE sales_other PARTITION OF sales DEFAULT;",
                        REGIONS + "CREATE TABLE sales_other PARTITION OF sales DEFAULT;"
                                + "CREATE TABLE sales_us PARTITION OF sales FOR VALUES IN ('us');")
                        .data("INSERT INTO sales VALUES (1, 'de', 1), (2, 'jp', 2);").expect(CREATE_PARTITION)
                        .check("SELECT count(*) FROM sales_other", 1),
                of("add a hash partition", BUCKETS, BUCKETS
                        + "CREATE TABLE buckets_1 PARTITION OF buckets FOR VALUES WITH (MODULUS 2, REMAINDER 1);")
                        .expect(CREATE_PARTITION),
                of("add a partition to a sub-partitioned partition", """
                        CREATE TABLE metrics (id bigint, at date, region text) PARTITION BY RANGE (at);
                        CREATE TABLE metrics_2026 PARTITION OF metrics FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')
                          PARTITION BY LIST (region);
                        CREATE TABLE metrics_2026_eu PARTITION OF metrics_2026 FOR VALUES IN ('eu');
                        """, """
                        CREATE TABLE metrics (id bigint, at date, region text) PARTITION BY RANGE (at);
                        CREATE TABLE metrics_2026 PARTITION OF metrics FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')
                          PARTITION BY LIST (region);
                        CREATE TABLE metrics_2026_eu PARTITION OF metrics_2026 FOR VALUES IN ('eu');
                        CREATE TABLE metrics_2026_us PARTITION OF metrics_2026 FOR VALUES IN ('us');
                        """).expect(CREATE_PARTITION),
                of("add a sub-partitioned partition", EVENTS, EVENTS + """
                        CREATE TABLE events_2026_q2 PARTITION OF events FOR VALUES FROM ('2026-04-01') TO ('2026-07-01')
                          PARTITION BY LIST (region);
                        CREATE TABLE events_2026_q2_eu PARTITION OF events_2026_q2 FOR VALUES IN ('eu');
                        """).expect(CREATE_PARTITION),

                // ------------------------------------------------------------------ partitioned indexes and columns
                of("a partitioned table gains a partition and an index", EVENTS,
                        EVENTS + EVENTS_FEB + "CREATE INDEX events_region_idx ON events (region);").data(EVENT_ROWS)
                        .expect(CREATE_PARTITION, ADD_PARTITIONED_INDEX).forbid(ADD_INDEX).online()
                        .check(NO_INVALID_INDEX, 0),
                of("add an index to a sub-partitioned table", """
                        CREATE TABLE metrics (id bigint, at date, region text) PARTITION BY RANGE (at);
                        CREATE TABLE metrics_2026 PARTITION OF metrics FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')
                          PARTITION BY LIST (region);
                        CREATE TABLE metrics_2026_eu PARTITION OF metrics_2026 FOR VALUES IN ('eu');
                        CREATE TABLE metrics_2025 PARTITION OF metrics FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
                        """, """
                        CREATE TABLE metrics (id bigint, at date, region text) PARTITION BY RANGE (at);
                        CREATE TABLE metrics_2026 PARTITION OF metrics FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')
                          PARTITION BY LIST (region);
                        CREATE TABLE metrics_2026_eu PARTITION OF metrics_2026 FOR VALUES IN ('eu');
                        CREATE TABLE metrics_2025 PARTITION OF metrics FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
                        CREATE INDEX metrics_id_idx ON metrics (id);
                        """).expect(ADD_PARTITIONED_INDEX).online().check(NO_INVALID_INDEX, 0),
                of("add a unique index on a partitioned table", EVENTS + EVENTS_FEB,
                        EVENTS + EVENTS_FEB + "CREATE UNIQUE INDEX events_id_at_key ON events (id, at);").data(EVENT_ROWS)
                        .expect(ADD_PARTITIONED_INDEX).online().check(NO_INVALID_INDEX, 0),
                of("drop an index of a partitioned table", EVENTS + "CREATE INDEX events_region_idx ON events (region);",
                        EVENTS).expect(DROP_INDEX),
                of("add a column to a partitioned parent", EVENTS + EVENTS_FEB,
                        EVENTS.replace("payload text)", "payload text, source text)") + EVENTS_FEB).data(EVENT_ROWS)
                        .expect(ADD_COLUMN).check("SELECT count(*) FROM events_2026_02", 0),
                of("add a column with a default to a partitioned parent", EVENTS,
                        EVENTS.replace("payload text)", "payload text, version int NOT NULL DEFAULT 1)")).data(EVENT_ROWS)
                        .expect(ADD_COLUMN).check("SELECT count(*) FROM events WHERE version = 1", 500),
                of("add a primary key to a partitioned table", EVENTS,
                        EVENTS.replace("payload text)", "payload text, PRIMARY KEY (id, at))")).data(EVENT_ROWS)
                        .expect(ADD_PRIMARY_KEY),

                // ------------------------------------------------------------------ partitions removed or moved
                of("soft-drop a partition: detached, then parked", EVENTS + EVENTS_FEB, EVENTS)
                        .data("INSERT INTO events VALUES (1, '2026-02-03', 'eu', 'x');")
                        .expect(DETACH_PARTITION, SOFT_DROP_TABLE).forbid(DROP_PARTITION).online(),
                of("hard-drop a partition", EVENTS + EVENTS_FEB, EVENTS).drop(DropStrategy.HARD)
                        .expect(DROP_PARTITION).forbid(DETACH_PARTITION),
                of("archive a partition", EVENTS + EVENTS_FEB, EVENTS).drop(DropStrategy.ARCHIVE)
                        .data("INSERT INTO events VALUES (1, '2026-02-03', 'eu', 'x');")
                        .expect(DETACH_PARTITION, ARCHIVE_TABLE),
                of("soft-drop a partition beside a default partition: detached in a transaction",
                        REGIONS + "CREATE TABLE sales_other PARTITION OF sales DEFAULT;"
                                + "CREATE TABLE sales_us PARTITION OF sales FOR VALUES IN ('us');",
                        REGIONS + "CREATE TABLE sales_other PARTITION OF sales DEFAULT;")
                        .expect(DETACH_PARTITION, SOFT_DROP_TABLE),
                of("soft-drop a partitioned table", USERS + EVENTS, USERS).expect(SOFT_DROP_TABLE),
                of("attach an existing table as a range partition, its bound proven first", EVENTS
                                + "CREATE TABLE events_2026_02 (id bigint NOT NULL, at date NOT NULL, region text, payload text);"
                                + "INSERT INTO events_2026_02 SELECT g, DATE '2026-02-01' + (g % 28), 'eu', 'x' "
                                + "FROM generate_series(1, 300) g;",
                        EVENTS + EVENTS_FEB)
                        .expect(ADD_CHECK_CONSTRAINT, VALIDATE_CONSTRAINT, ATTACH_PARTITION, DROP_CHECK_CONSTRAINT)
                        .forbid(CREATE_PARTITION, SOFT_DROP_TABLE).check("SELECT count(*) FROM events", 300)
                        .check("SELECT count(*) FROM pg_constraint WHERE conname = 'zanith_partition_bound'", 0),
                of("attach an existing table as a list partition", REGIONS
                                + "CREATE TABLE sales_us (id bigint NOT NULL, region text, amount numeric(12,2));"
                                + "INSERT INTO sales_us VALUES (1, 'us', 10), (2, NULL, 20);",
                        REGIONS + "CREATE TABLE sales_us PARTITION OF sales FOR VALUES IN ('us', NULL);")
                        .expect(ADD_CHECK_CONSTRAINT, VALIDATE_CONSTRAINT, ATTACH_PARTITION)
                        .check("SELECT count(*) FROM sales", 2),
                of("attach an existing table as a hash partition (the attach proves the bound itself)", BUCKETS
                                + "CREATE TABLE buckets_1 (id bigint NOT NULL, v text);",
                        BUCKETS + "CREATE TABLE buckets_1 PARTITION OF buckets FOR VALUES WITH (MODULUS 2, REMAINDER 1);")
                        .expect(ATTACH_PARTITION).forbid(ADD_CHECK_CONSTRAINT, CREATE_PARTITION),
                of("attach an existing table to a new partitioned table",
                        "CREATE TABLE events_2026_01 (id bigint NOT NULL, at date NOT NULL, region text, payload text);",
                        EVENTS).expect(CREATE_TABLE, ATTACH_PARTITION).forbid(SOFT_DROP_TABLE),
                of("widen a partition's range bound: detached, then attached under the new bound", EVENTS,
                        EVENTS.replace("TO ('2026-02-01')", "TO ('2026-03-01')")).data(EVENT_ROWS)
                        .expect(DETACH_PARTITION, ATTACH_PARTITION).online().check("SELECT count(*) FROM events", 500),
                of("change a list bound beside a default partition",
                        REGIONS + "CREATE TABLE sales_other PARTITION OF sales DEFAULT;",
                        REGIONS.replace("('de', 'fr')", "('de', 'fr', 'it')")
                                + "CREATE TABLE sales_other PARTITION OF sales DEFAULT;")
                        .data("INSERT INTO sales VALUES (1, 'de', 1);").expect(DETACH_PARTITION, ATTACH_PARTITION));
    }
}
