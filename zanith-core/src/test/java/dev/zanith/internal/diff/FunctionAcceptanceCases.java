package dev.zanith.internal.diff;

import dev.zanith.api.DropStrategy;

import java.util.List;

import static dev.zanith.api.ops.OperationKind.*;
import static dev.zanith.internal.diff.AcceptanceCase.of;

/**
 * The acceptance rows for functions, procedures and triggers (joined into {@link AcceptanceCases#all()}): each kind
 * alone, and with the table changes around it — dependents of a function that is dropped and created again, a trigger
 * whose function's body changes, a table created with its trigger. Every name starts with "routines:" so
 * {@code -Dzanith.acceptance.only=routines:} runs them alone.
 */
final class FunctionAcceptanceCases {

    private static final String ITEMS = "CREATE TABLE items (id int PRIMARY KEY, code text, qty int, note text);";
    private static final String TOUCH = """
            CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN NEW.note := coalesce(NEW.note, 'new'); RETURN NEW; END $$;
            """;
    private static final String TOUCH_CHANGED = """
            CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN NEW.note := coalesce(NEW.note, NEW.code, 'new'); RETURN NEW; END $$;
            """;
    private static final String TOUCH_TRIGGER =
            "CREATE TRIGGER items_touch BEFORE INSERT OR UPDATE ON items FOR EACH ROW EXECUTE FUNCTION touch();";
    private static final String NOTE_DDL = "CREATE FUNCTION note_ddl() RETURNS event_trigger LANGUAGE plpgsql AS $$ "
            + "BEGIN RAISE NOTICE 'ddl: %', tg_tag; END $$;";
    private static final String ROWS = "INSERT INTO items SELECT g, 'c' || g, g, NULL FROM generate_series(1, 50) g;";

    private FunctionAcceptanceCases() {
    }

    static List<AcceptanceCase> all() {
        return List.of(
                // ------------------------------------------------------------------ functions and procedures
                of("routines: create a plpgsql function", ITEMS, ITEMS + TOUCH).expect(CREATE_FUNCTION),
                of("routines: create a sql function with defaults and attributes", ITEMS, ITEMS
                        + "CREATE FUNCTION scaled(x int, factor int DEFAULT 2) RETURNS int LANGUAGE sql IMMUTABLE "
                        + "PARALLEL SAFE STRICT AS $$ SELECT x * factor $$;").expect(CREATE_FUNCTION)
                        .after("SELECT scaled(2)"),
                of("routines: create a sql function whose body reads a new table", "",
                        "SET check_function_bodies = off; CREATE FUNCTION item_count() RETURNS bigint LANGUAGE sql STABLE AS $$ SELECT count(*) FROM items $$;"
                                + ITEMS).expect(CREATE_FUNCTION, CREATE_TABLE).check("SELECT item_count()", 0),
                of("routines: create a procedure", ITEMS, ITEMS
                        + "CREATE PROCEDURE restock(p_id int, amount int) LANGUAGE plpgsql AS $$ BEGIN "
                        + "UPDATE items SET qty = qty + amount WHERE id = p_id; END $$;").expect(CREATE_FUNCTION)
                        .after("CALL restock(1, 5)"),
                of("routines: create a sql-standard function body", ITEMS, ITEMS
                        + "CREATE FUNCTION doubled(x int) RETURNS int LANGUAGE sql IMMUTABLE RETURN x * 2;")
                        .expect(CREATE_FUNCTION),
                of("routines: drop a function", ITEMS + TOUCH, ITEMS).expect(DROP_FUNCTION),
                of("routines: drop a procedure", ITEMS + "CREATE PROCEDURE noop() LANGUAGE sql AS $$ SELECT 1 $$;", ITEMS)
                        .expect(DROP_FUNCTION),
                of("routines: change a plpgsql body", ITEMS + TOUCH, ITEMS + TOUCH_CHANGED)
                        .expect(REPLACE_FUNCTION).forbid(DROP_FUNCTION, CREATE_FUNCTION),
                of("routines: change a sql body and its volatility",
                        ITEMS + "CREATE FUNCTION answer() RETURNS int LANGUAGE sql VOLATILE AS $$ SELECT 41 $$;",
                        ITEMS + "CREATE FUNCTION answer() RETURNS int LANGUAGE sql IMMUTABLE AS $$ SELECT 42 $$;")
                        .expect(REPLACE_FUNCTION).forbid(DROP_FUNCTION).check("SELECT answer()", 42),
                of("routines: change a procedure body",
                        ITEMS + "CREATE PROCEDURE clear_notes() LANGUAGE sql AS $$ UPDATE items SET note = NULL $$;",
                        ITEMS + "CREATE PROCEDURE clear_notes() LANGUAGE sql AS $$ UPDATE items SET note = '' $$;")
                        .expect(REPLACE_FUNCTION),
                of("routines: change a return type: drop and create",
                        ITEMS + "CREATE FUNCTION answer() RETURNS int LANGUAGE sql AS $$ SELECT 42 $$;",
                        ITEMS + "CREATE FUNCTION answer() RETURNS bigint LANGUAGE sql AS $$ SELECT 42::bigint $$;")
                        .expect(DROP_FUNCTION, CREATE_FUNCTION).forbid(REPLACE_FUNCTION),
                of("routines: rename an argument: drop and create",
                        ITEMS + "CREATE FUNCTION plus_one(a int) RETURNS int LANGUAGE sql AS $$ SELECT a + 1 $$;",
                        ITEMS + "CREATE FUNCTION plus_one(n int) RETURNS int LANGUAGE sql AS $$ SELECT n + 1 $$;")
                        .expect(DROP_FUNCTION, CREATE_FUNCTION),
                of("routines: add an overload", ITEMS + "CREATE FUNCTION fmt(a int) RETURNS text LANGUAGE sql AS $$ SELECT a::text $$;",
                        ITEMS + "CREATE FUNCTION fmt(a int) RETURNS text LANGUAGE sql AS $$ SELECT a::text $$;"
                                + "CREATE FUNCTION fmt(a int, b text) RETURNS text LANGUAGE sql AS $$ SELECT a || b $$;")
                        .expect(CREATE_FUNCTION).forbid(DROP_FUNCTION, REPLACE_FUNCTION),
                of("routines: a function in another schema", "CREATE SCHEMA util;" + ITEMS,
                        "CREATE SCHEMA util;" + ITEMS + "CREATE FUNCTION util.clamp(x int) RETURNS int LANGUAGE sql "
                                + "AS $$ SELECT greatest(0, x) $$;").schemas("public", "util").expect(CREATE_FUNCTION),
                // ------------------------------------------------------------------ functions with table dependents
                of("routines: signature change with a dependent default",
                        "CREATE FUNCTION next_code(p text) RETURNS text LANGUAGE sql AS $$ SELECT p || '1' $$;"
                                + "CREATE TABLE items (id int, code text DEFAULT next_code('a'));",
                        "CREATE FUNCTION next_code(p text, n int) RETURNS text LANGUAGE sql AS $$ SELECT p || n $$;"
                                + "CREATE TABLE items (id int, code text DEFAULT next_code('a', 2));")
                        .expect(CREATE_FUNCTION, SET_DEFAULT, DROP_FUNCTION)
                        .after("INSERT INTO items (id) VALUES (1)").check("SELECT count(*) FROM items WHERE code = 'a2'", 1),
                of("routines: signature change with a dependent CHECK",
                        "CREATE FUNCTION ok_qty(q int) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT q >= 0 $$;"
                                + "CREATE TABLE items (id int, qty int, CONSTRAINT qty_ok CHECK (ok_qty(qty)));",
                        "CREATE FUNCTION ok_qty(q bigint) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT q >= 0 $$;"
                                + "CREATE TABLE items (id int, qty int, CONSTRAINT qty_ok CHECK (ok_qty(qty::bigint)));")
                        .data("INSERT INTO items VALUES (1, 3)")
                        .expect(CREATE_FUNCTION, DROP_CHECK_CONSTRAINT, ADD_CHECK_CONSTRAINT, VALIDATE_CONSTRAINT,
                                DROP_FUNCTION),
                of("routines: return type change under a default: drop, create, default back",
                        "CREATE FUNCTION code_seed() RETURNS text LANGUAGE sql AS $$ SELECT 'x' $$;"
                                + "CREATE TABLE items (id int, code text DEFAULT code_seed());",
                        "CREATE FUNCTION code_seed() RETURNS character varying LANGUAGE sql AS $$ SELECT 'y'::varchar $$;"
                                + "CREATE TABLE items (id int, code text DEFAULT code_seed());")
                        .expect(DROP_DEFAULT, DROP_FUNCTION, CREATE_FUNCTION, SET_DEFAULT).forbid(REPLACE_FUNCTION)
                        .after("INSERT INTO items (id) VALUES (1)").check("SELECT count(*) FROM items WHERE code = 'y'", 1),
                of("routines: argument rename under a CHECK and an expression index: dropped and rebuilt",
                        "CREATE FUNCTION norm(a text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT lower(a) $$;"
                                + "CREATE TABLE items (id int, code text, CONSTRAINT code_norm CHECK (norm(code) <> ''));"
                                + "CREATE INDEX items_norm ON items (norm(code));",
                        "CREATE FUNCTION norm(t text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT lower(t) $$;"
                                + "CREATE TABLE items (id int, code text, CONSTRAINT code_norm CHECK (norm(code) <> ''));"
                                + "CREATE INDEX items_norm ON items (norm(code));")
                        .data("INSERT INTO items VALUES (1, 'A'), (2, 'B')")
                        .expect(DROP_INDEX, DROP_CHECK_CONSTRAINT, DROP_FUNCTION, CREATE_FUNCTION, ADD_CHECK_CONSTRAINT,
                                ADD_INDEX).online(),
                of("routines: body change under a CHECK: replaced in place",
                        "CREATE FUNCTION ok_qty(q int) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT q >= 0 $$;"
                                + "CREATE TABLE items (id int, qty int, CONSTRAINT qty_ok CHECK (ok_qty(qty)));",
                        "CREATE FUNCTION ok_qty(q int) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT q > -1 $$;"
                                + "CREATE TABLE items (id int, qty int, CONSTRAINT qty_ok CHECK (ok_qty(qty)));")
                        .expect(REPLACE_FUNCTION).forbid(DROP_CHECK_CONSTRAINT, DROP_FUNCTION),
                of("routines: body change under an expression index: replaced in place",
                        "CREATE FUNCTION norm(a text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT lower(a) $$;"
                                + "CREATE TABLE items (id int, code text); CREATE INDEX items_norm ON items (norm(code));",
                        "CREATE FUNCTION norm(a text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT lower(trim(a)) $$;"
                                + "CREATE TABLE items (id int, code text); CREATE INDEX items_norm ON items (norm(code));")
                        .expect(REPLACE_FUNCTION).forbid(DROP_INDEX),
                // ------------------------------------------------------------------ triggers
                of("routines: create a row trigger with WHEN", ITEMS + TOUCH, ITEMS + TOUCH
                        + "CREATE TRIGGER items_touch BEFORE UPDATE OF code ON items FOR EACH ROW "
                        + "WHEN (OLD.code IS DISTINCT FROM NEW.code) EXECUTE FUNCTION touch();")
                        .expect(CREATE_TRIGGER).forbid(CREATE_FUNCTION),
                of("routines: create a statement trigger with a transition table", ITEMS
                                + "CREATE TABLE item_log (n bigint);",
                        ITEMS + "CREATE TABLE item_log (n bigint);"
                                + "CREATE FUNCTION log_items() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                                + "INSERT INTO item_log SELECT count(*) FROM new_rows; RETURN NULL; END $$;"
                                + "CREATE TRIGGER items_logged AFTER INSERT ON items REFERENCING NEW TABLE AS new_rows "
                                + "FOR EACH STATEMENT EXECUTE FUNCTION log_items();")
                        .expect(CREATE_FUNCTION, CREATE_TRIGGER)
                        .after("INSERT INTO items VALUES (1, 'a', 1, NULL), (2, 'b', 2, NULL)")
                        .check("SELECT max(n) FROM item_log", 2),
                of("routines: a trigger calling a function whose body changes", ITEMS + TOUCH + TOUCH_TRIGGER,
                        ITEMS + TOUCH_CHANGED + TOUCH_TRIGGER).expect(REPLACE_FUNCTION)
                        .forbid(DROP_TRIGGER, CREATE_TRIGGER, REPLACE_TRIGGER, DROP_FUNCTION)
                        .after("INSERT INTO items (id, code) VALUES (100, 'k')")
                        .check("SELECT count(*) FROM items WHERE note = 'k'", 1),
                of("routines: a trigger function whose body changes with a new column it uses",
                        ITEMS + TOUCH + TOUCH_TRIGGER,
                        "CREATE TABLE items (id int PRIMARY KEY, code text, qty int, note text, touched_at timestamptz);"
                                + "CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                                + "NEW.touched_at := now(); RETURN NEW; END $$;" + TOUCH_TRIGGER)
                        .expect(ADD_COLUMN, REPLACE_FUNCTION).forbid(DROP_TRIGGER)
                        .after("INSERT INTO items (id) VALUES (7)")
                        .check("SELECT count(*) FROM items WHERE touched_at IS NOT NULL", 1),
                of("routines: change a trigger's WHEN and events: replaced in one statement",
                        ITEMS + TOUCH + TOUCH_TRIGGER,
                        ITEMS + TOUCH + "CREATE TRIGGER items_touch BEFORE INSERT ON items FOR EACH ROW "
                                + "WHEN (NEW.note IS NULL) EXECUTE FUNCTION touch();")
                        .expect(REPLACE_TRIGGER).forbid(DROP_TRIGGER),
                of("routines: change a trigger from row to statement level", ITEMS + TOUCH
                                + "CREATE TRIGGER items_audit AFTER DELETE ON items FOR EACH ROW EXECUTE FUNCTION touch();",
                        ITEMS + TOUCH
                                + "CREATE TRIGGER items_audit AFTER DELETE ON items FOR EACH STATEMENT EXECUTE FUNCTION touch();")
                        .expect(REPLACE_TRIGGER),
                of("routines: drop a trigger and its function", ITEMS + TOUCH + TOUCH_TRIGGER, ITEMS)
                        .expect(DROP_TRIGGER, DROP_FUNCTION),
                of("routines: drop a trigger, keep its function", ITEMS + TOUCH + TOUCH_TRIGGER, ITEMS + TOUCH)
                        .expect(DROP_TRIGGER).forbid(DROP_FUNCTION),
                of("routines: disable a trigger", ITEMS + TOUCH + TOUCH_TRIGGER, ITEMS + TOUCH + TOUCH_TRIGGER
                        + "ALTER TABLE items DISABLE TRIGGER items_touch;").expect(DISABLE_TRIGGER),
                of("routines: enable a trigger for replicas and always",
                        ITEMS + TOUCH + TOUCH_TRIGGER + "ALTER TABLE items DISABLE TRIGGER items_touch;"
                                + "CREATE TRIGGER items_touch2 AFTER INSERT ON items FOR EACH ROW EXECUTE FUNCTION touch();",
                        ITEMS + TOUCH + TOUCH_TRIGGER + "ALTER TABLE items ENABLE REPLICA TRIGGER items_touch;"
                                + "CREATE TRIGGER items_touch2 AFTER INSERT ON items FOR EACH ROW EXECUTE FUNCTION touch();"
                                + "ALTER TABLE items ENABLE ALWAYS TRIGGER items_touch2;")
                        .expect(ENABLE_TRIGGER).forbid(DISABLE_TRIGGER),
                of("routines: a disabled trigger whose definition changes stays disabled",
                        ITEMS + TOUCH + TOUCH_TRIGGER + "ALTER TABLE items DISABLE TRIGGER items_touch;",
                        ITEMS + TOUCH + "CREATE TRIGGER items_touch BEFORE INSERT ON items FOR EACH ROW "
                                + "EXECUTE FUNCTION touch(); ALTER TABLE items DISABLE TRIGGER items_touch;")
                        .expect(REPLACE_TRIGGER),
                of("routines: create a table with its trigger and function", "",
                        ITEMS + TOUCH + TOUCH_TRIGGER).expect(CREATE_TABLE, CREATE_FUNCTION, CREATE_TRIGGER)
                        .after("INSERT INTO items (id) VALUES (1)").check("SELECT count(*) FROM items WHERE note = 'new'", 1),
                of("routines: change a constraint trigger: drop and create",
                        ITEMS + TOUCH + "CREATE CONSTRAINT TRIGGER items_later AFTER INSERT ON items "
                                + "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION touch();",
                        ITEMS + TOUCH + "CREATE CONSTRAINT TRIGGER items_later AFTER INSERT OR UPDATE ON items "
                                + "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION touch();")
                        .expect(DROP_TRIGGER, CREATE_TRIGGER).forbid(REPLACE_TRIGGER),
                of("routines: a trigger function becomes SECURITY DEFINER: replaced, its trigger kept",
                        ITEMS + TOUCH + TOUCH_TRIGGER,
                        ITEMS + TOUCH.replace("LANGUAGE plpgsql", "LANGUAGE plpgsql SECURITY DEFINER") + TOUCH_TRIGGER)
                        .expect(REPLACE_FUNCTION).forbid(DROP_TRIGGER, DROP_FUNCTION),
                of("routines: soft-drop a table whose trigger function goes too", ITEMS + ROWS + TOUCH + TOUCH_TRIGGER
                        + "CREATE TABLE keep (id int);", "CREATE TABLE keep (id int);")
                        .expect(SOFT_DROP_TABLE, DROP_TRIGGER, DROP_FUNCTION),
                of("routines: hard-drop a table with its trigger, keep the function", ITEMS + TOUCH + TOUCH_TRIGGER,
                        TOUCH).drop(DropStrategy.HARD).expect(DROP_TABLE).forbid(DROP_TRIGGER, DROP_FUNCTION),
                of("routines: rename a table with its trigger", ITEMS + TOUCH + TOUCH_TRIGGER,
                        "CREATE TABLE goods (id int PRIMARY KEY, code text, qty int, note text);" + TOUCH
                                + "CREATE TRIGGER items_touch BEFORE INSERT OR UPDATE ON goods FOR EACH ROW EXECUTE FUNCTION touch();")
                        .rename("items=goods").expect(RENAME_TABLE).forbid(DROP_TRIGGER, CREATE_TRIGGER, REPLACE_TRIGGER),
                // ------------------------------------------------------------------ event triggers
                of("routines: create an event trigger with tags", ITEMS, ITEMS + NOTE_DDL
                        + "CREATE EVENT TRIGGER note_ddl ON ddl_command_end WHEN TAG IN ('CREATE TABLE', 'ALTER TABLE') "
                        + "EXECUTE FUNCTION note_ddl();").expect(CREATE_FUNCTION, CREATE_EVENT_TRIGGER)
                        .after("CREATE TABLE later (id int)"),
                of("routines: drop an event trigger and its function", ITEMS + NOTE_DDL
                        + "CREATE EVENT TRIGGER note_ddl ON ddl_command_end EXECUTE FUNCTION note_ddl();", ITEMS)
                        .expect(DROP_EVENT_TRIGGER, DROP_FUNCTION),
                of("routines: disable an event trigger while a table changes", ITEMS + NOTE_DDL
                                + "CREATE EVENT TRIGGER note_ddl ON ddl_command_end EXECUTE FUNCTION note_ddl();",
                        ITEMS.replace("note text", "note text, extra int") + NOTE_DDL
                                + "CREATE EVENT TRIGGER note_ddl ON ddl_command_end EXECUTE FUNCTION note_ddl();"
                                + "ALTER EVENT TRIGGER note_ddl DISABLE;")
                        .expect(DROP_EVENT_TRIGGER, ADD_COLUMN, CREATE_EVENT_TRIGGER));
    }
}
