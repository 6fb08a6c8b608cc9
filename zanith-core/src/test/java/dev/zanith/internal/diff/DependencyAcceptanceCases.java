package dev.zanith.internal.diff;

import java.util.List;

import static dev.zanith.api.ops.OperationKind.*;
import static dev.zanith.internal.diff.AcceptanceCase.of;

/**
 * The acceptance rows for objects that depend on routines (joined into {@link AcceptanceCases#all()}): routines whose
 * SQL-standard bodies call other routines, views and materialized views calling a routine, and triggers, defaults and
 * CHECKs calling one, when the routine is created, dropped, or dropped and created again. The server records those
 * dependencies in {@code pg_depend} and refuses a DROP FUNCTION while they exist, so a wrong order fails the apply.
 * Every name starts with "dependencies:" so {@code -Dzanith.acceptance.only=dependencies:} runs them alone.
 */
final class DependencyAcceptanceCases {

    /** SQL-standard function bodies (RETURN / BEGIN ATOMIC) are PostgreSQL 14+. */
    private static final int SQL_STANDARD_BODIES = 14;
    private static final String ITEMS = "CREATE TABLE items (id int PRIMARY KEY, code text, qty int);";
    private static final String ROWS = "INSERT INTO items SELECT g, 'c' || g, g FROM generate_series(1, 20) g;";
    /** A callee whose argument rename forces DROP and CREATE (CREATE OR REPLACE cannot rename an argument). */
    private static final String PLUS_A = "CREATE FUNCTION plus_one(a int) RETURNS int LANGUAGE sql IMMUTABLE RETURN a + 1;";
    private static final String PLUS_N = "CREATE FUNCTION plus_one(n int) RETURNS int LANGUAGE sql IMMUTABLE RETURN n + 1;";
    private static final String TOUCH = "CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ "
            + "BEGIN NEW.code := 'touched'; RETURN NEW; END $$;";
    private static final String TWICE = "CREATE FUNCTION twice() RETURNS int LANGUAGE sql IMMUTABLE RETURN plus_one(1) * 2;";

    /** {@link #PLUS_A} with a string body: no SQL-standard edges, but an expression calling it still records one. */
    private static final String PLUS_A_PLPGSQL = "CREATE FUNCTION plus_one(a int) RETURNS int LANGUAGE plpgsql IMMUTABLE "
            + "AS $$ BEGIN RETURN a + 1; END $$;";
    /** {@link #ITEMS} with a stored generated column computed by {@code plus_one}, indexed. */
    private static final String NEXT_ITEMS = ITEMS.replace("qty int)", "qty int, qty_next int GENERATED ALWAYS AS "
            + "(plus_one(qty)) STORED);") + "CREATE INDEX items_qty_next ON items (qty_next);";
    /** A view reading {@link #NEXT_ITEMS}' generated column, which has a comment and a column grant. */
    private static final String NEXT_READ = "CREATE VIEW next_view AS SELECT id, qty_next FROM items;"
            + "COMMENT ON COLUMN items.qty_next IS 'one more'; GRANT SELECT (qty_next) ON items TO ${reader};";
    private static final String BUMP = "CREATE PROCEDURE bump() LANGUAGE sql BEGIN ATOMIC "
            + "UPDATE items SET qty = plus_one(qty); END;";
    /** A domain whose CHECK calls {@code plus_one}. */
    private static final String SMALL = "CREATE DOMAIN small_qty AS int CONSTRAINT small_qty_check CHECK (plus_one(VALUE) < 100);";
    /** Statistics on an expression calling {@code plus_one} (expressions in statistics are PostgreSQL 14+). */
    private static final String NEXT_STATS = "CREATE STATISTICS items_next_stats ON code, (plus_one(qty)) FROM items;";
    private static final String NEXT_EXCLUDED = "ALTER TABLE items ADD CONSTRAINT items_next_unique "
            + "EXCLUDE USING btree ((plus_one(qty)) WITH =);";
    /** A generated column, a domain CHECK and statistics in schema shop, calling {@code calc.plus_one}. */
    private static final String IN_SHOP = "CREATE DOMAIN shop.small_qty AS int CONSTRAINT small_qty_check "
            + "CHECK (calc.plus_one(VALUE) < 100);"
            + "CREATE TABLE shop.items (id int PRIMARY KEY, code text, qty shop.small_qty, "
            + "qty_next int GENERATED ALWAYS AS (calc.plus_one(qty)) STORED);"
            + "CREATE STATISTICS shop.items_next_stats ON code, (calc.plus_one(qty)) FROM shop.items;";

    private DependencyAcceptanceCases() {
    }

    static List<AcceptanceCase> all() {
        return List.of(
                // ------------------------------------------------------------------ routine -> routine
                of("dependencies: a callee dropped and created takes its SQL-standard caller along",
                        ITEMS + PLUS_A + TWICE, ITEMS + PLUS_N + TWICE).since(SQL_STANDARD_BODIES)
                        .expect(DROP_FUNCTION, CREATE_FUNCTION).forbid(REPLACE_FUNCTION).check("SELECT twice()", 4),
                of("dependencies: a chain of SQL-standard callers is dropped callers first, created callees first",
                        ITEMS + PLUS_A + TWICE
                                + "CREATE FUNCTION quad() RETURNS int LANGUAGE sql IMMUTABLE RETURN twice() * 2;",
                        ITEMS + PLUS_N + TWICE
                                + "CREATE FUNCTION quad() RETURNS int LANGUAGE sql IMMUTABLE RETURN twice() * 2;")
                        .since(SQL_STANDARD_BODIES).expect(DROP_FUNCTION, CREATE_FUNCTION).check("SELECT quad()", 8),
                of("dependencies: a BEGIN ATOMIC procedure calling a re-created function",
                        ITEMS + PLUS_A + "CREATE PROCEDURE bump() LANGUAGE sql BEGIN ATOMIC "
                                + "UPDATE items SET qty = plus_one(qty); END;",
                        ITEMS + PLUS_N + "CREATE PROCEDURE bump() LANGUAGE sql BEGIN ATOMIC "
                                + "UPDATE items SET qty = plus_one(qty); END;")
                        .since(SQL_STANDARD_BODIES).data(ROWS).expect(DROP_FUNCTION, CREATE_FUNCTION)
                        .after("CALL bump()").check("SELECT sum(qty) FROM items", 230),
                of("dependencies: a string-body caller has no edge and stays",
                        ITEMS + PLUS_A + "CREATE FUNCTION twice() RETURNS int LANGUAGE sql AS $$ SELECT plus_one(1) * 2 $$;",
                        ITEMS + PLUS_N + "CREATE FUNCTION twice() RETURNS int LANGUAGE sql AS $$ SELECT plus_one(1) * 2 $$;")
                        .since(SQL_STANDARD_BODIES).expect(DROP_FUNCTION, CREATE_FUNCTION).check("SELECT twice()", 4),
                of("dependencies: new SQL-standard functions are created callees first",
                        ITEMS, ITEMS + "CREATE FUNCTION z_base() RETURNS int LANGUAGE sql IMMUTABLE RETURN 20;"
                                + "CREATE FUNCTION a_top() RETURNS int LANGUAGE sql IMMUTABLE RETURN z_base() + 1;")
                        .since(SQL_STANDARD_BODIES).expect(CREATE_FUNCTION).check("SELECT a_top()", 21),
                of("dependencies: dropped SQL-standard functions go callers first",
                        ITEMS + "CREATE FUNCTION a_base() RETURNS int LANGUAGE sql IMMUTABLE RETURN 20;"
                                + "CREATE FUNCTION z_top() RETURNS int LANGUAGE sql IMMUTABLE RETURN a_base() + 1;",
                        ITEMS).since(SQL_STANDARD_BODIES).expect(DROP_FUNCTION),
                of("dependencies: a caller the declared schema lacks goes before its re-created callee",
                        ITEMS + PLUS_A + TWICE, ITEMS + PLUS_N).since(SQL_STANDARD_BODIES)
                        .expect(DROP_FUNCTION, CREATE_FUNCTION),
                of("dependencies: a new caller of a re-created function comes after it",
                        ITEMS + PLUS_A, ITEMS + PLUS_N + TWICE).since(SQL_STANDARD_BODIES)
                        .expect(DROP_FUNCTION, CREATE_FUNCTION).check("SELECT twice()", 4),
                of("dependencies: a caller whose body changes while its callee is re-created",
                        ITEMS + PLUS_A + TWICE,
                        ITEMS + PLUS_N + TWICE.replace("* 2", "* 3")).since(SQL_STANDARD_BODIES)
                        .expect(DROP_FUNCTION, CREATE_FUNCTION).check("SELECT twice()", 6),
                // ------------------------------------------------------------------ views -> routine
                of("dependencies: a view calling a re-created function is dropped before and created after",
                        ITEMS + PLUS_A + "CREATE VIEW next_qty AS SELECT id, plus_one(qty) AS qty FROM items;",
                        ITEMS + PLUS_N + "CREATE VIEW next_qty AS SELECT id, plus_one(qty) AS qty FROM items;")
                        .since(SQL_STANDARD_BODIES).data(ROWS).expect(DROP_VIEW, DROP_FUNCTION, CREATE_FUNCTION, CREATE_VIEW)
                        .check("SELECT sum(qty) FROM next_qty", 230),
                of("dependencies: a materialized view with an index and a comment calling a re-created function",
                        ITEMS + PLUS_A + "CREATE MATERIALIZED VIEW next_qty AS SELECT id, plus_one(qty) AS qty FROM items;"
                                + "CREATE UNIQUE INDEX next_qty_id ON next_qty (id); COMMENT ON MATERIALIZED VIEW next_qty IS 'n';",
                        ITEMS + PLUS_N + "CREATE MATERIALIZED VIEW next_qty AS SELECT id, plus_one(qty) AS qty FROM items;"
                                + "CREATE UNIQUE INDEX next_qty_id ON next_qty (id); COMMENT ON MATERIALIZED VIEW next_qty IS 'n';")
                        .since(SQL_STANDARD_BODIES).data(ROWS)
                        .expect(DROP_MATERIALIZED_VIEW, DROP_FUNCTION, CREATE_FUNCTION, CREATE_MATERIALIZED_VIEW)
                        .check("SELECT sum(qty) FROM next_qty", 230),
                of("dependencies: a view stops calling a function that is dropped",
                        ITEMS + "CREATE FUNCTION doubled(x int) RETURNS int LANGUAGE sql IMMUTABLE AS $$ SELECT x * 2 $$;"
                                + "CREATE VIEW doubled_qty AS SELECT id, doubled(qty) AS qty FROM items;",
                        ITEMS + "CREATE VIEW doubled_qty AS SELECT id, qty * 2 AS qty FROM items;")
                        .since(SQL_STANDARD_BODIES).data(ROWS).expect(DROP_FUNCTION)
                        .check("SELECT sum(qty) FROM doubled_qty", 420),
                of("dependencies: a view over a SQL-standard caller of a re-created function",
                        ITEMS + PLUS_A + TWICE + "CREATE VIEW twice_view AS SELECT twice() AS n;",
                        ITEMS + PLUS_N + TWICE + "CREATE VIEW twice_view AS SELECT twice() AS n;")
                        .since(SQL_STANDARD_BODIES).expect(DROP_VIEW, DROP_FUNCTION, CREATE_FUNCTION, CREATE_VIEW)
                        .check("SELECT n FROM twice_view", 4),
                // ------------------------------------------------------------------ triggers, defaults, CHECKs
                of("dependencies: a disabled trigger whose WHEN calls a re-created function comes back disabled",
                        ITEMS + PLUS_A + TOUCH + "CREATE TRIGGER items_touch BEFORE UPDATE ON items FOR EACH ROW "
                                + "WHEN (plus_one(NEW.qty) > 10) EXECUTE FUNCTION touch();"
                                + "ALTER TABLE items DISABLE TRIGGER items_touch;",
                        ITEMS + PLUS_N + TOUCH + "CREATE TRIGGER items_touch BEFORE UPDATE ON items FOR EACH ROW "
                                + "WHEN (plus_one(NEW.qty) > 10) EXECUTE FUNCTION touch();"
                                + "ALTER TABLE items DISABLE TRIGGER items_touch;")
                        .since(SQL_STANDARD_BODIES).expect(DROP_TRIGGER, DROP_FUNCTION, CREATE_FUNCTION, CREATE_TRIGGER)
                        .check("SELECT count(*) FROM pg_trigger WHERE tgname = 'items_touch' AND tgenabled = 'D'", 1),
                of("dependencies: a default calling a SQL-standard caller of a re-created function",
                        PLUS_A + TWICE + ITEMS.replace("qty int", "qty int DEFAULT twice()"),
                        PLUS_N + TWICE + ITEMS.replace("qty int", "qty int DEFAULT twice()"))
                        .since(SQL_STANDARD_BODIES).expect(DROP_DEFAULT, DROP_FUNCTION, CREATE_FUNCTION, SET_DEFAULT)
                        .after("INSERT INTO items (id) VALUES (1)").check("SELECT qty FROM items WHERE id = 1", 4),
                of("dependencies: a CHECK calling a SQL-standard caller of a re-created function",
                        PLUS_A + "CREATE FUNCTION small(x int) RETURNS boolean LANGUAGE sql IMMUTABLE RETURN plus_one(x) < 100;"
                                + ITEMS.replace("qty int", "qty int CONSTRAINT qty_small CHECK (small(qty))"),
                        PLUS_N + "CREATE FUNCTION small(x int) RETURNS boolean LANGUAGE sql IMMUTABLE RETURN plus_one(x) < 100;"
                                + ITEMS.replace("qty int", "qty int CONSTRAINT qty_small CHECK (small(qty))"))
                        .since(SQL_STANDARD_BODIES).data(ROWS)
                        .expect(DROP_CHECK_CONSTRAINT, DROP_FUNCTION, CREATE_FUNCTION, ADD_CHECK_CONSTRAINT),
                // ------------------------------------------------------------------ generated columns, domains,
                // exclusion constraints and statistics: the server records each call in pg_depend (string bodies too)
                of("dependencies: a generated column with an index computed from a re-created SQL function",
                        PLUS_A + NEXT_ITEMS, PLUS_N + NEXT_ITEMS).since(SQL_STANDARD_BODIES).data(ROWS)
                        .expect(DROP_COLUMN, DROP_FUNCTION, CREATE_FUNCTION, ADD_COLUMN, ADD_INDEX)
                        .after("INSERT INTO items (id, qty) VALUES (21, 21)")
                        .check("SELECT sum(qty_next) FROM items", 252)
                        .check("SELECT count(*) FROM pg_indexes WHERE indexname = 'items_qty_next'", 1),
                of("dependencies: a table soft-dropped while a re-created function computes its generated column",
                        PLUS_A + NEXT_ITEMS, PLUS_N).since(SQL_STANDARD_BODIES).data(ROWS)
                        .expect(DROP_COLUMN, DROP_FUNCTION, CREATE_FUNCTION, SOFT_DROP_TABLE)
                        .check("SELECT count(*) FROM pg_class WHERE relname LIKE '\\_zanith\\_%items' AND relkind = 'r'", 1),
                of("dependencies: a generated column computed from a re-created plpgsql function",
                        PLUS_A_PLPGSQL + NEXT_ITEMS, PLUS_A_PLPGSQL.replace("(a int)", "(n int)").replace("a + 1", "n + 1")
                                + NEXT_ITEMS).data(ROWS)
                        .expect(DROP_COLUMN, DROP_FUNCTION, CREATE_FUNCTION, ADD_COLUMN)
                        .check("SELECT sum(qty_next) FROM items", 230),
                of("dependencies: a generated column and a BEGIN ATOMIC procedure both call a re-created function",
                        PLUS_A + NEXT_ITEMS + BUMP, PLUS_N + NEXT_ITEMS + BUMP).since(SQL_STANDARD_BODIES).data(ROWS)
                        .expect(DROP_COLUMN, DROP_FUNCTION, CREATE_FUNCTION, ADD_COLUMN)
                        .after("CALL bump()").check("SELECT sum(qty_next) FROM items", 250),
                of("dependencies: a generated column read by a view, commented and granted, computed from a re-created function",
                        PLUS_A + NEXT_ITEMS + NEXT_READ, PLUS_N + NEXT_ITEMS + NEXT_READ).since(SQL_STANDARD_BODIES)
                        .roles("reader").data(ROWS)
                        .expect(DROP_VIEW, DROP_COLUMN, DROP_FUNCTION, CREATE_FUNCTION, ADD_COLUMN, CREATE_VIEW)
                        .check("SELECT sum(qty_next) FROM next_view", 230)
                        .check("SELECT count(*) FROM pg_description WHERE description = 'one more'", 1)
                        .check("SELECT count(*) FROM information_schema.column_privileges WHERE column_name = 'qty_next' "
                                + "AND '\"' || grantee || '\"' = '${reader}'", 1),
                of("dependencies: a generated column read by a view changes its expression",
                        ITEMS.replace("qty int)", "qty int, qty_twice int GENERATED ALWAYS AS (qty * 2) STORED);")
                                + "CREATE VIEW twice_view AS SELECT id, qty_twice FROM items;",
                        ITEMS.replace("qty int)", "qty int, qty_twice int GENERATED ALWAYS AS (qty + qty) STORED);")
                                + "CREATE VIEW twice_view AS SELECT id, qty_twice FROM items;").data(ROWS)
                        .expect(DROP_VIEW, DROP_COLUMN, ADD_COLUMN, CREATE_VIEW)
                        .check("SELECT sum(qty_twice) FROM twice_view", 420),
                of("dependencies: a domain CHECK calling a re-created function comes back validated",
                        PLUS_A + SMALL + ITEMS.replace("qty int", "qty small_qty"),
                        PLUS_N + SMALL + ITEMS.replace("qty int", "qty small_qty")).since(SQL_STANDARD_BODIES).data(ROWS)
                        .expect(DROP_DOMAIN_CONSTRAINT, DROP_FUNCTION, CREATE_FUNCTION, ADD_DOMAIN_CONSTRAINT)
                        .check("SELECT count(*) FROM pg_constraint WHERE conname = 'small_qty_check' AND convalidated", 1),
                of("dependencies: a domain CHECK calling a re-created plpgsql function",
                        PLUS_A_PLPGSQL + SMALL + ITEMS.replace("qty int", "qty small_qty"),
                        PLUS_A_PLPGSQL.replace("(a int)", "(n int)").replace("a + 1", "n + 1") + SMALL
                                + ITEMS.replace("qty int", "qty small_qty")).data(ROWS)
                        .expect(DROP_DOMAIN_CONSTRAINT, DROP_FUNCTION, CREATE_FUNCTION, ADD_DOMAIN_CONSTRAINT),
                of("dependencies: extended statistics on an expression calling a re-created function",
                        ITEMS + PLUS_A + NEXT_STATS, ITEMS + PLUS_N + NEXT_STATS).since(SQL_STANDARD_BODIES).data(ROWS)
                        .expect(DROP_STATISTICS, DROP_FUNCTION, CREATE_FUNCTION, CREATE_STATISTICS),
                of("dependencies: an exclusion constraint on an expression calling a re-created function",
                        ITEMS + PLUS_A + NEXT_EXCLUDED, ITEMS + PLUS_N + NEXT_EXCLUDED).since(SQL_STANDARD_BODIES).data(ROWS)
                        .expect(DROP_EXCLUSION_CONSTRAINT, DROP_FUNCTION, CREATE_FUNCTION, ADD_EXCLUSION_CONSTRAINT),
                of("dependencies: one re-created function under a generated column, a domain CHECK and statistics",
                        PLUS_A + SMALL + NEXT_ITEMS.replace("qty int", "qty small_qty") + NEXT_STATS,
                        PLUS_N + SMALL + NEXT_ITEMS.replace("qty int", "qty small_qty") + NEXT_STATS)
                        .since(SQL_STANDARD_BODIES).data(ROWS)
                        .expect(DROP_COLUMN, DROP_DOMAIN_CONSTRAINT, DROP_STATISTICS, DROP_FUNCTION, CREATE_FUNCTION,
                                ADD_COLUMN, ADD_DOMAIN_CONSTRAINT, CREATE_STATISTICS)
                        .check("SELECT sum(qty_next) FROM items", 230),
                of("dependencies: a generated column, a domain and statistics in other schemas call a re-created function",
                        "CREATE SCHEMA calc; CREATE SCHEMA shop;" + PLUS_A.replace("plus_one", "calc.plus_one")
                                + IN_SHOP,
                        "CREATE SCHEMA calc; CREATE SCHEMA shop;" + PLUS_N.replace("plus_one", "calc.plus_one")
                                + IN_SHOP)
                        .since(SQL_STANDARD_BODIES).schemas("public", "calc", "shop")
                        .data("INSERT INTO shop.items SELECT g, 'c' || g, g FROM generate_series(1, 20) g;")
                        .expect(DROP_COLUMN, DROP_DOMAIN_CONSTRAINT, DROP_STATISTICS, DROP_FUNCTION, CREATE_FUNCTION,
                                ADD_COLUMN, ADD_DOMAIN_CONSTRAINT, CREATE_STATISTICS)
                        .check("SELECT sum(qty_next) FROM shop.items", 230),
                // ------------------------------------------------------------------ renames under dependents
                // The server rewrites what depends on a renamed column or table; the differ's working graph keeps the
                // old text, so these plans re-state the dependents (correct, re-diff empty, not yet minimal).
                of("dependencies: rename a column a trigger names in UPDATE OF and WHEN",
                        ITEMS + TOUCH + "CREATE TRIGGER items_touch BEFORE UPDATE OF qty ON items FOR EACH ROW "
                                + "WHEN (OLD.qty IS DISTINCT FROM NEW.qty) EXECUTE FUNCTION touch();",
                        ITEMS.replace("qty int", "amount int") + TOUCH + "CREATE TRIGGER items_touch BEFORE UPDATE OF "
                                + "amount ON items FOR EACH ROW WHEN (OLD.amount IS DISTINCT FROM NEW.amount) "
                                + "EXECUTE FUNCTION touch();")
                        .rename("items.qty=items.amount").data(ROWS).expect(RENAME_COLUMN, REPLACE_TRIGGER)
                        .forbid(DROP_TRIGGER, CREATE_TRIGGER)
                        .after("UPDATE items SET amount = 0 WHERE id = 1")
                        .check("SELECT count(*) FROM items WHERE code = 'touched'", 1),
                of("dependencies: rename a column a view reads",
                        ITEMS + "CREATE VIEW stock AS SELECT id, qty FROM items;",
                        ITEMS.replace("qty int", "amount int") + "CREATE VIEW stock AS SELECT id, amount AS qty FROM items;")
                        .rename("items.qty=items.amount").data(ROWS).expect(RENAME_COLUMN, DROP_VIEW, CREATE_VIEW).check("SELECT sum(qty) FROM stock", 210),
                of("dependencies: rename a table a view and a trigger use",
                        ITEMS + TOUCH + "CREATE VIEW stock AS SELECT id, qty FROM items;"
                                + "CREATE TRIGGER items_touch BEFORE UPDATE OF qty ON items FOR EACH ROW EXECUTE FUNCTION touch();",
                        ITEMS.replace("items", "goods") + TOUCH + "CREATE VIEW stock AS SELECT id, qty FROM goods;"
                                + "CREATE TRIGGER items_touch BEFORE UPDATE OF qty ON goods FOR EACH ROW EXECUTE FUNCTION touch();")
                        .rename("items=goods").data(ROWS).expect(RENAME_TABLE, DROP_VIEW, CREATE_VIEW)
                        .forbid(DROP_TRIGGER, CREATE_TRIGGER, REPLACE_TRIGGER)
                        .after("UPDATE goods SET qty = 0 WHERE id = 1")
                        .check("SELECT count(*) FROM stock WHERE qty = 0", 1),
                of("dependencies: rename a column extended statistics cover",
                        ITEMS + "CREATE STATISTICS items_code_qty (ndistinct) ON code, qty FROM items;",
                        ITEMS.replace("qty int", "amount int")
                                + "CREATE STATISTICS items_code_qty (ndistinct) ON code, amount FROM items;")
                        .rename("items.qty=items.amount").expect(RENAME_COLUMN, DROP_STATISTICS, CREATE_STATISTICS));
    }
}
