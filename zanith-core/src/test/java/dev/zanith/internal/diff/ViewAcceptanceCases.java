package dev.zanith.internal.diff;

import dev.zanith.api.DropStrategy;

import java.util.List;

import static dev.zanith.api.ops.OperationKind.*;
import static dev.zanith.internal.diff.AcceptanceCase.of;

/** The acceptance table's views and materialized views, alone and together with table changes. */
final class ViewAcceptanceCases {

    private static final String ORDERS = "CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint, "
            + "total numeric(12,2), status text, note text);";
    private static final String TOTALS = "CREATE VIEW order_totals AS SELECT id, total FROM orders;";
    private static final String MV = "CREATE MATERIALIZED VIEW order_stats AS "
            + "SELECT status, count(*) AS n, sum(total) AS total FROM orders GROUP BY status;";
    private static final String ROWS = "INSERT INTO orders SELECT g, g % 7, g * 1.5, 's' || (g % 3), 'n' "
            + "FROM generate_series(1, 50) g;";

    private ViewAcceptanceCases() {
    }

    static List<AcceptanceCase> all() {
        return List.of(
                // ------------------------------------------------------------------ views alone
                of("view: create a view", ORDERS, ORDERS + TOTALS).expect(CREATE_VIEW),
                of("view: create a table and a view over it", "", ORDERS + TOTALS).expect(CREATE_TABLE, CREATE_VIEW),
                of("view: drop a view", ORDERS + TOTALS, ORDERS).expect(DROP_VIEW).forbid(DROP_TABLE),
                of("view: replace a view appending a column", ORDERS + TOTALS,
                        ORDERS + "CREATE VIEW order_totals AS SELECT id, total, status FROM orders;")
                        .expect(REPLACE_VIEW).forbid(DROP_VIEW),
                of("view: replace a view's filter, same columns", ORDERS + TOTALS,
                        ORDERS + "CREATE VIEW order_totals AS SELECT id, total FROM orders WHERE total > 0;")
                        .expect(REPLACE_VIEW).forbid(DROP_VIEW),
                of("view: removing a column drops and re-creates the view", ORDERS
                                + "CREATE VIEW order_totals AS SELECT id, total, status FROM orders;",
                        ORDERS + TOTALS).expect(DROP_VIEW, CREATE_VIEW).forbid(REPLACE_VIEW),
                of("view: a column changing type in the view drops and re-creates it", ORDERS + TOTALS,
                        ORDERS + "CREATE VIEW order_totals AS SELECT id, total::text AS total FROM orders;")
                        .expect(DROP_VIEW, CREATE_VIEW).forbid(REPLACE_VIEW),
                of("view: options and check option", ORDERS + TOTALS,
                        ORDERS + "CREATE VIEW order_totals WITH (security_barrier = true) AS SELECT id, total FROM orders "
                                + "WHERE total > 0 WITH LOCAL CHECK OPTION;").expect(REPLACE_VIEW),
                of("view: options removed", ORDERS
                                + "CREATE VIEW order_totals WITH (security_barrier = true) AS SELECT id, total FROM orders;",
                        ORDERS + TOTALS).expect(REPLACE_VIEW),
                of("view: add, change and remove comments", ORDERS + TOTALS
                                + "CREATE VIEW v2 AS SELECT id FROM orders; COMMENT ON VIEW v2 IS 'old';",
                        ORDERS + TOTALS + "COMMENT ON VIEW order_totals IS 'totals';"
                                + "CREATE VIEW v2 AS SELECT id FROM orders;").expect(SET_COMMENT),
                of("view: views over views are created in dependency order", ORDERS,
                        ORDERS + TOTALS + "CREATE VIEW big_totals AS SELECT id FROM order_totals WHERE total > 10;"
                                + "CREATE VIEW a_biggest AS SELECT max(id) AS id FROM big_totals;")
                        .expect(CREATE_VIEW),
                of("view: views over views are dropped in dependency order",
                        ORDERS + TOTALS + "CREATE VIEW big_totals AS SELECT id FROM order_totals WHERE total > 10;"
                                + "CREATE VIEW a_biggest AS SELECT max(id) AS id FROM big_totals;",
                        ORDERS).expect(DROP_VIEW),
                of("view: re-creating a view re-creates the views over it",
                        ORDERS + TOTALS + "CREATE VIEW big_totals AS SELECT id, total FROM order_totals WHERE total > 10;",
                        ORDERS + "CREATE VIEW order_totals AS SELECT id, total::text AS total FROM orders;"
                                + "CREATE VIEW big_totals AS SELECT id, total FROM order_totals WHERE total > '10';")
                        .expect(DROP_VIEW, CREATE_VIEW),
                of("view: in another schema", "CREATE SCHEMA rpt;" + ORDERS,
                        "CREATE SCHEMA rpt;" + ORDERS + "CREATE VIEW rpt.totals AS SELECT id, total FROM public.orders;")
                        .schemas("public", "rpt").expect(CREATE_VIEW),

                // ------------------------------------------------------------------ with table changes
                of("view: a column under the view changes type", ORDERS + TOTALS + ROWS,
                        ORDERS.replace("total numeric(12,2)", "total numeric(14,2)") + TOTALS)
                        .expect(DROP_VIEW, ALTER_COLUMN_TYPE, CREATE_VIEW)
                        .check("SELECT count(*) FROM order_totals", 50),
                of("view: a column the view only filters on changes type",
                        ORDERS + ROWS + "CREATE VIEW paid AS SELECT id FROM orders WHERE total > 0;",
                        ORDERS.replace("total numeric(12,2)", "total numeric(14,2)")
                                + "CREATE VIEW paid AS SELECT id FROM orders WHERE total > 0;")
                        .expect(DROP_VIEW, ALTER_COLUMN_TYPE, CREATE_VIEW).check("SELECT count(*) FROM paid", 50),
                of("matview: a column it only filters on changes type",
                        ORDERS + ROWS + "CREATE MATERIALIZED VIEW paid AS SELECT id FROM orders WHERE total > 0;",
                        ORDERS.replace("total numeric(12,2)", "total numeric(14,2)")
                                + "CREATE MATERIALIZED VIEW paid AS SELECT id FROM orders WHERE total > 0;")
                        .expect(DROP_MATERIALIZED_VIEW, ALTER_COLUMN_TYPE, CREATE_MATERIALIZED_VIEW)
                        .check("SELECT count(*) FROM paid", 50),
                of("view: a column the view does not use changes type", ORDERS + TOTALS,
                        ORDERS.replace("note text", "note varchar(200)") + TOTALS)
                        .expect(ALTER_COLUMN_TYPE).forbid(DROP_VIEW, CREATE_VIEW),
                of("view: a column under the view is dropped with it", ORDERS + "CREATE VIEW v AS SELECT id, note FROM orders;",
                        ORDERS.replace(", note text", "") + "CREATE VIEW v AS SELECT id FROM orders;")
                        .drop(DropStrategy.HARD).expect(DROP_VIEW, DROP_COLUMN, CREATE_VIEW),
                of("view: a column under a view is soft-dropped", ORDERS + "CREATE VIEW v AS SELECT id, note FROM orders;",
                        ORDERS.replace(", note text", "") + "CREATE VIEW v AS SELECT id FROM orders;")
                        .expect(DROP_VIEW, SOFT_DROP_COLUMN, CREATE_VIEW),
                of("view: a table and its view are dropped", "CREATE TABLE keep (id int);" + ORDERS + TOTALS,
                        "CREATE TABLE keep (id int);").drop(DropStrategy.HARD).expect(DROP_VIEW, DROP_TABLE),
                of("view: a new column is appended to the view", ORDERS + TOTALS,
                        ORDERS.replace("note text", "note text, shipped_at timestamptz")
                                + "CREATE VIEW order_totals AS SELECT id, total, shipped_at FROM orders;")
                        .expect(ADD_COLUMN, REPLACE_VIEW),
                of("view: a column type change under a view over a view", ORDERS + TOTALS
                                + "CREATE VIEW big_totals AS SELECT id FROM order_totals WHERE total > 10;",
                        ORDERS.replace("total numeric(12,2)", "total numeric(14,2)") + TOTALS
                                + "CREATE VIEW big_totals AS SELECT id FROM order_totals WHERE total > 10;")
                        .expect(DROP_VIEW, ALTER_COLUMN_TYPE, CREATE_VIEW),

                // ------------------------------------------------------------------ materialized views
                of("matview: create with data", ORDERS + ROWS, ORDERS + ROWS + MV)
                        .expect(CREATE_MATERIALIZED_VIEW).check("SELECT count(*) FROM order_stats", 3),
                of("matview: create with no data", ORDERS, ORDERS + MV.replace(";", " WITH NO DATA;"))
                        .expect(CREATE_MATERIALIZED_VIEW),
                of("matview: create with a unique index and a comment", ORDERS,
                        ORDERS + MV + "CREATE UNIQUE INDEX order_stats_status ON order_stats (status);"
                                + "COMMENT ON MATERIALIZED VIEW order_stats IS 'per status';")
                        .expect(CREATE_MATERIALIZED_VIEW),
                of("matview: drop", ORDERS + MV, ORDERS).expect(DROP_MATERIALIZED_VIEW),
                of("matview: a changed query drops and re-creates it", ORDERS + MV + ROWS,
                        ORDERS + "CREATE MATERIALIZED VIEW order_stats AS SELECT status, count(*) AS n FROM orders "
                                + "GROUP BY status;")
                        .expect(DROP_MATERIALIZED_VIEW, CREATE_MATERIALIZED_VIEW)
                        .check("SELECT count(*) FROM order_stats", 3),
                of("matview: an index is added and one dropped, concurrently",
                        ORDERS + MV + "CREATE INDEX order_stats_n ON order_stats (n);",
                        ORDERS + MV + "CREATE UNIQUE INDEX order_stats_status ON order_stats (status);")
                        .expect(ADD_INDEX, DROP_INDEX).forbid(DROP_MATERIALIZED_VIEW).online(),
                of("matview: populated when declared with data", ORDERS + MV.replace(";", " WITH NO DATA;") + ROWS,
                        ORDERS + MV).expect(REFRESH_MATERIALIZED_VIEW).forbid(DROP_MATERIALIZED_VIEW)
                        .check("SELECT count(*) FROM order_stats", 3),
                of("matview: comment changed", ORDERS + MV + "COMMENT ON MATERIALIZED VIEW order_stats IS 'a';",
                        ORDERS + MV + "COMMENT ON MATERIALIZED VIEW order_stats IS 'b';").expect(SET_COMMENT),
                of("matview: a column under it changes type", ORDERS + MV + ROWS
                                + "CREATE UNIQUE INDEX order_stats_status ON order_stats (status);",
                        ORDERS.replace("total numeric(12,2)", "total numeric(14,2)") + MV
                                + "CREATE UNIQUE INDEX order_stats_status ON order_stats (status);")
                        .expect(DROP_MATERIALIZED_VIEW, ALTER_COLUMN_TYPE, CREATE_MATERIALIZED_VIEW)
                        .check("SELECT count(*) FROM order_stats", 3),
                of("matview: a view over a materialized view", ORDERS + MV,
                        ORDERS + MV.replace("sum(total)", "max(total)")
                                + "CREATE VIEW busy AS SELECT status FROM order_stats WHERE n > 1;")
                        .expect(DROP_MATERIALIZED_VIEW, CREATE_MATERIALIZED_VIEW, CREATE_VIEW),
                of("matview: a view becomes a materialized view", ORDERS + TOTALS,
                        ORDERS + "CREATE MATERIALIZED VIEW order_totals AS SELECT id, total FROM orders;")
                        .expect(DROP_VIEW, CREATE_MATERIALIZED_VIEW),
                of("view: unchanged views give no steps", ORDERS + TOTALS + MV, ORDERS + TOTALS + MV));
    }
}
