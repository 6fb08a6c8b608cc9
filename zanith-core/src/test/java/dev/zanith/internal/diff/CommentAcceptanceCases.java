package dev.zanith.internal.diff;

import java.util.List;

import static dev.zanith.api.ops.OperationKind.*;
import static dev.zanith.internal.diff.AcceptanceCase.of;

/**
 * The acceptance rows for comments on functions, procedures, triggers, policies, domains, composite and range types,
 * extended statistics, event triggers, domain constraints and the columns of views and materialized views (joined into {@link AcceptanceCases#all()}): each
 * comment added, changed and removed, on an object the plan drops and creates again (the comment must follow, or the
 * next generate would not be empty), with
 * quotes, newlines and non-ASCII text, and beside a table change. Every name starts with "comments:" so
 * {@code -Dzanith.acceptance.only=comments:} runs them alone.
 */
final class CommentAcceptanceCases {

    private static final String ITEMS = "CREATE TABLE items (id int PRIMARY KEY, code text, qty int, note text);";
    private static final String SCALED = "CREATE FUNCTION scaled(x int, factor int) RETURNS int LANGUAGE sql "
            + "IMMUTABLE AS $$ SELECT x * factor $$;";
    private static final String RESTOCK = "CREATE PROCEDURE restock(p_id int, amount int) LANGUAGE sql AS $$ "
            + "UPDATE items SET qty = qty + amount WHERE id = p_id $$;";
    private static final String TOUCH = """
            CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN NEW.note := coalesce(NEW.note, 'new'); RETURN NEW; END $$;
            CREATE TRIGGER items_touch BEFORE INSERT ON items FOR EACH ROW EXECUTE FUNCTION touch();
            """;
    private static final String POLICY = "CREATE POLICY positive ON items USING (qty > 0);";
    private static final String DOMAIN = "CREATE DOMAIN item_code AS text CHECK (VALUE <> '');";
    private static final String COMPOSITE = "CREATE TYPE price AS (amount numeric, currency text);";
    private static final String RANGE = "CREATE TYPE qty_range AS RANGE (subtype = int4);";
    private static final String NOTE_DDL = """
            CREATE FUNCTION note_ddl() RETURNS event_trigger LANGUAGE plpgsql AS $$
            BEGIN RAISE NOTICE 'ddl: %', tg_tag; END $$;
            CREATE EVENT TRIGGER note_ddl ON ddl_command_end WHEN TAG IN ('CREATE TABLE') EXECUTE FUNCTION note_ddl();
            """;
    private static final String ZIP = "CREATE DOMAIN zip AS text CONSTRAINT zip_digits CHECK (VALUE ~ '^[0-9]+$');";
    /** The event trigger, commented 'notes new tables'. */
    private static final String NOTE_DDL_NOTED = NOTE_DDL + "COMMENT ON EVENT TRIGGER note_ddl IS 'notes new tables';";
    /** The domain, its constraint commented 'digits only'. */
    private static final String ZIP_NOTED = ZIP + "COMMENT ON CONSTRAINT zip_digits ON DOMAIN zip IS 'digits only';";
    private static final String STATISTICS = "CREATE STATISTICS items_code_qty ON code, qty FROM items;";
    /** A view over {@link #ITEMS}, its columns {@code id} and {@code qty}. */
    private static final String STOCK = "CREATE VIEW stock AS SELECT id, qty FROM items;";
    /** A materialized view over {@link #ITEMS}, its columns {@code code} and {@code n}. */
    private static final String COUNTS = "CREATE MATERIALIZED VIEW code_counts AS SELECT code, count(*) AS n FROM items "
            + "GROUP BY code;";
    /** {@link #STOCK} with its column {@code qty} commented 'units on hand'. */
    private static final String STOCK_NOTED = STOCK + "COMMENT ON COLUMN stock.qty IS 'units on hand';";

    /** How many comments on the migrated database have exactly {@code text}. */
    /** A table and an event trigger writing the tag of every command that starts into it (unfiltered). */
    private static final String DDL_LOG = """
            CREATE TABLE IF NOT EXISTS ddl_log (tag text);
            CREATE FUNCTION log_ddl() RETURNS event_trigger LANGUAGE plpgsql AS $$
            BEGIN INSERT INTO public.ddl_log VALUES (tg_tag); END $$;
            CREATE EVENT TRIGGER log_ddl ON ddl_command_start EXECUTE FUNCTION log_ddl();
            """;

    private static String commented(String text) {
        return "SELECT count(*) FROM pg_description WHERE description = " + dev.zanith.internal.sql.Identifiers.literal(text);
    }

    private CommentAcceptanceCases() {
    }

    static List<AcceptanceCase> all() {
        return List.of(
                // ------------------------------------------------------------------ functions and procedures
                of("comments: add a comment on a function", ITEMS + SCALED,
                        ITEMS + SCALED + "COMMENT ON FUNCTION scaled(int, int) IS 'multiplies';")
                        .expect(SET_COMMENT).forbid(DROP_FUNCTION, CREATE_FUNCTION).check(commented("multiplies"), 1),
                of("comments: change the comment on a function",
                        ITEMS + SCALED + "COMMENT ON FUNCTION scaled(int, int) IS 'multiplies';",
                        ITEMS + SCALED + "COMMENT ON FUNCTION scaled(int, int) IS 'scales x';")
                        .expect(SET_COMMENT).check(commented("scales x"), 1).check(commented("multiplies"), 0),
                of("comments: remove the comment on a function",
                        ITEMS + SCALED + "COMMENT ON FUNCTION scaled(int, int) IS 'multiplies';", ITEMS + SCALED)
                        .expect(SET_COMMENT).check(commented("multiplies"), 0),
                of("comments: a function whose signature changes keeps its comment on the new one",
                        ITEMS + SCALED + "COMMENT ON FUNCTION scaled(int, int) IS 'multiplies';",
                        ITEMS + "CREATE FUNCTION scaled(x bigint, factor int) RETURNS bigint LANGUAGE sql IMMUTABLE "
                                + "AS $$ SELECT x * factor $$; COMMENT ON FUNCTION scaled(bigint, int) IS 'multiplies';")
                        .expect(CREATE_FUNCTION, DROP_FUNCTION, SET_COMMENT).check(commented("multiplies"), 1),
                of("comments: a function dropped and created again (its result changes) gets its comment back",
                        ITEMS + SCALED + "COMMENT ON FUNCTION scaled(int, int) IS 'multiplies';",
                        ITEMS + "CREATE FUNCTION scaled(x int, factor int) RETURNS bigint LANGUAGE sql IMMUTABLE "
                                + "AS $$ SELECT x::bigint * factor $$; COMMENT ON FUNCTION scaled(int, int) IS 'multiplies';")
                        .expect(DROP_FUNCTION, CREATE_FUNCTION, SET_COMMENT).check(commented("multiplies"), 1),
                of("comments: add and change comments on overloads of one name",
                        ITEMS + SCALED + "CREATE FUNCTION scaled(x numeric) RETURNS numeric LANGUAGE sql AS $$ SELECT x * 2 $$;"
                                + "COMMENT ON FUNCTION scaled(numeric) IS 'doubles';",
                        ITEMS + SCALED + "CREATE FUNCTION scaled(x numeric) RETURNS numeric LANGUAGE sql AS $$ SELECT x * 2 $$;"
                                + "COMMENT ON FUNCTION scaled(numeric) IS 'doubles a numeric';"
                                + "COMMENT ON FUNCTION scaled(int, int) IS 'multiplies';")
                        .expect(SET_COMMENT).check(commented("doubles a numeric"), 1).check(commented("multiplies"), 1),
                of("comments: add, then change the comment on a procedure", ITEMS + RESTOCK
                                + "COMMENT ON PROCEDURE restock(int, int) IS 'adds stock';",
                        ITEMS + RESTOCK + "COMMENT ON PROCEDURE restock(int, int) IS 'adds stock to one item';")
                        .expect(SET_COMMENT).check(commented("adds stock to one item"), 1),
                of("comments: a new procedure with its comment", ITEMS,
                        ITEMS + RESTOCK + "COMMENT ON PROCEDURE restock(int, int) IS 'adds stock';")
                        .expect(CREATE_FUNCTION, SET_COMMENT).check(commented("adds stock"), 1)
                        .after("CALL restock(1, 5)"),
                // ------------------------------------------------------------------ triggers and policies
                of("comments: add a comment on a trigger", ITEMS + TOUCH,
                        ITEMS + TOUCH + "COMMENT ON TRIGGER items_touch ON items IS 'fills in the note';")
                        .expect(SET_COMMENT).check(commented("fills in the note"), 1),
                of("comments: remove the comment on a trigger",
                        ITEMS + TOUCH + "COMMENT ON TRIGGER items_touch ON items IS 'fills in the note';", ITEMS + TOUCH)
                        .expect(SET_COMMENT).check(commented("fills in the note"), 0),
                of("comments: a trigger replaced in place keeps its comment",
                        ITEMS + TOUCH + "COMMENT ON TRIGGER items_touch ON items IS 'fills in the note';",
                        ITEMS + TOUCH.replace("BEFORE INSERT ON", "BEFORE INSERT OR UPDATE ON")
                                + "COMMENT ON TRIGGER items_touch ON items IS 'fills in the note';")
                        .expect(REPLACE_TRIGGER).forbid(SET_COMMENT).check(commented("fills in the note"), 1),
                of("comments: a constraint trigger recreated gets its comment back",
                        ITEMS + TOUCH.replace("CREATE TRIGGER items_touch BEFORE INSERT ON items FOR EACH ROW",
                                "CREATE CONSTRAINT TRIGGER items_touch AFTER INSERT ON items FOR EACH ROW")
                                + "COMMENT ON TRIGGER items_touch ON items IS 'checks the note';",
                        ITEMS + TOUCH.replace("CREATE TRIGGER items_touch BEFORE INSERT ON items FOR EACH ROW",
                                "CREATE CONSTRAINT TRIGGER items_touch AFTER INSERT OR UPDATE ON items FOR EACH ROW")
                                + "COMMENT ON TRIGGER items_touch ON items IS 'checks the note';")
                        .expect(DROP_TRIGGER, CREATE_TRIGGER, SET_COMMENT).check(commented("checks the note"), 1),
                of("comments: add and change comments on policies", ITEMS + POLICY
                                + "CREATE POLICY small ON items FOR SELECT USING (qty < 100);"
                                + "COMMENT ON POLICY small ON items IS 'small ones';",
                        ITEMS + POLICY + "CREATE POLICY small ON items FOR SELECT USING (qty < 100);"
                                + "COMMENT ON POLICY positive ON items IS 'no negative stock';"
                                + "COMMENT ON POLICY small ON items IS 'only the small ones';")
                        .expect(SET_COMMENT).check(commented("no negative stock"), 1)
                        .check(commented("only the small ones"), 1),
                of("comments: a policy whose command changes is recreated with its comment",
                        ITEMS + POLICY + "COMMENT ON POLICY positive ON items IS 'no negative stock';",
                        ITEMS + "CREATE POLICY positive ON items FOR SELECT USING (qty > 0);"
                                + "COMMENT ON POLICY positive ON items IS 'no negative stock';")
                        .expect(DROP_POLICY, CREATE_POLICY, SET_COMMENT).check(commented("no negative stock"), 1),
                of("comments: a policy calling a function that is dropped and created again gets its comment back",
                        ITEMS + SCALED + "CREATE POLICY scaled_up ON items USING (scaled(qty, 2) > 0);"
                                + "COMMENT ON POLICY scaled_up ON items IS 'doubled stock is positive';",
                        ITEMS + "CREATE FUNCTION scaled(x int, factor int) RETURNS bigint LANGUAGE sql IMMUTABLE "
                                + "AS $$ SELECT x::bigint * factor $$;"
                                + "CREATE POLICY scaled_up ON items USING (scaled(qty, 2) > 0);"
                                + "COMMENT ON POLICY scaled_up ON items IS 'doubled stock is positive';")
                        .expect(DROP_POLICY, DROP_FUNCTION, CREATE_FUNCTION, CREATE_POLICY, SET_COMMENT)
                        .check(commented("doubled stock is positive"), 1),
                // ------------------------------------------------------------------ types and statistics
                of("comments: add a comment on a domain", DOMAIN, DOMAIN + "COMMENT ON DOMAIN item_code IS 'a code';")
                        .expect(SET_COMMENT).check(commented("a code"), 1),
                of("comments: remove the comment on a domain", DOMAIN + "COMMENT ON DOMAIN item_code IS 'a code';", DOMAIN)
                        .expect(SET_COMMENT).check(commented("a code"), 0),
                of("comments: change the comment on a composite type", COMPOSITE + "COMMENT ON TYPE price IS 'money';",
                        COMPOSITE + "COMMENT ON TYPE price IS 'an amount in a currency';")
                        .expect(SET_COMMENT).check(commented("an amount in a currency"), 1),
                of("comments: add a comment on a range type", RANGE, RANGE + "COMMENT ON TYPE qty_range IS 'quantities';")
                        .expect(SET_COMMENT).check(commented("quantities"), 1),
                of("comments: add and remove comments on statistics objects", ITEMS + STATISTICS
                                + "CREATE STATISTICS items_id_code ON id, code FROM items;"
                                + "COMMENT ON STATISTICS items_id_code IS 'old';",
                        ITEMS + STATISTICS + "CREATE STATISTICS items_id_code ON id, code FROM items;"
                                + "COMMENT ON STATISTICS items_code_qty IS 'code and quantity go together';")
                        .expect(SET_COMMENT).check(commented("code and quantity go together"), 1)
                        .check(commented("old"), 0),
                of("comments: new objects of every kind with their comments", ITEMS,
                        ITEMS + SCALED + TOUCH + POLICY + DOMAIN + COMPOSITE + RANGE + STATISTICS
                                + "COMMENT ON FUNCTION scaled(int, int) IS 'f';"
                                + "COMMENT ON TRIGGER items_touch ON items IS 't';"
                                + "COMMENT ON POLICY positive ON items IS 'p';"
                                + "COMMENT ON DOMAIN item_code IS 'd';"
                                + "COMMENT ON TYPE price IS 'c';"
                                + "COMMENT ON TYPE qty_range IS 'r';"
                                + "COMMENT ON STATISTICS items_code_qty IS 's';")
                        .expect(CREATE_FUNCTION, CREATE_TRIGGER, CREATE_POLICY, CREATE_DOMAIN, CREATE_COMPOSITE_TYPE,
                                CREATE_RANGE_TYPE, CREATE_STATISTICS, SET_COMMENT)
                        .check("SELECT count(*) FROM pg_description WHERE description IN ('f','t','p','d','c','r','s')", 7),
                of("comments: objects dropped with their comments", ITEMS + SCALED + TOUCH + POLICY + DOMAIN + STATISTICS
                                + "COMMENT ON FUNCTION scaled(int, int) IS 'f'; COMMENT ON TRIGGER items_touch ON items IS 't';"
                                + "COMMENT ON POLICY positive ON items IS 'p'; COMMENT ON DOMAIN item_code IS 'd';"
                                + "COMMENT ON STATISTICS items_code_qty IS 's';", ITEMS)
                        .forbid(SET_COMMENT).check("SELECT count(*) FROM pg_description WHERE description IN ('f','t','p','d','s')", 0),
                // ------------------------------------------------------------------ text and combinations
                of("comments: quotes, a newline, a backslash and non-ASCII text", ITEMS + SCALED + TOUCH,
                        ITEMS + SCALED + TOUCH + "COMMENT ON FUNCTION scaled(int, int) IS E'it''s \"x\" times\\nfactor \\\\ ok';"
                                + "COMMENT ON TRIGGER items_touch ON items IS 'Überprüft die Notiz — 注釈 ✓';")
                        .expect(SET_COMMENT).check(commented("it's \"x\" times\nfactor \\ ok"), 1)
                        .check(commented("Überprüft die Notiz — 注釈 ✓"), 1),
                of("comments: a comment on a policy beside a new column and a changed table comment",
                        ITEMS + POLICY + "COMMENT ON TABLE items IS 'stock';",
                        ITEMS.replace("note text", "note text, shelf text") + POLICY
                                + "COMMENT ON TABLE items IS 'stock on shelves';"
                                + "COMMENT ON POLICY positive ON items IS 'no negative stock';")
                        .expect(ADD_COLUMN, SET_COMMENT).check(commented("no negative stock"), 1),
                of("comments: a comment on a trigger of a new table", "",
                        ITEMS + TOUCH + "COMMENT ON TRIGGER items_touch ON items IS 'fills in the note';")
                        .expect(CREATE_TABLE, CREATE_TRIGGER, SET_COMMENT).check(commented("fills in the note"), 1),
                of("comments: quoted names", "CREATE TABLE \"Stock Items\" (id int);"
                                + "CREATE FUNCTION \"Scale\"(x int) RETURNS int LANGUAGE sql AS $$ SELECT x $$;",
                        "CREATE TABLE \"Stock Items\" (id int); CREATE POLICY \"Only Mine\" ON \"Stock Items\" USING (id > 0);"
                                + "CREATE FUNCTION \"Scale\"(x int) RETURNS int LANGUAGE sql AS $$ SELECT x $$;"
                                + "COMMENT ON FUNCTION \"Scale\"(int) IS 'scale';"
                                + "COMMENT ON POLICY \"Only Mine\" ON \"Stock Items\" IS 'mine';")
                        .expect(CREATE_POLICY, SET_COMMENT).check(commented("scale"), 1).check(commented("mine"), 1),
                // ------------------------------------------------------------------ columns of views and materialized views
                of("comments: view column: add a comment", ITEMS + STOCK, ITEMS + STOCK_NOTED)
                        .expect(SET_COMMENT).forbid(DROP_VIEW, CREATE_VIEW, REPLACE_VIEW)
                        .check(commented("units on hand"), 1),
                of("comments: view column: change a comment", ITEMS + STOCK_NOTED,
                        ITEMS + STOCK + "COMMENT ON COLUMN stock.qty IS 'units in the warehouse';")
                        .expect(SET_COMMENT).forbid(DROP_VIEW, CREATE_VIEW, REPLACE_VIEW)
                        .check(commented("units in the warehouse"), 1).check(commented("units on hand"), 0),
                of("comments: view column: remove a comment", ITEMS + STOCK_NOTED, ITEMS + STOCK)
                        .expect(SET_COMMENT).forbid(DROP_VIEW, CREATE_VIEW, REPLACE_VIEW)
                        .check(commented("units on hand"), 0),
                of("comments: view column: add, change and remove on a materialized view's columns",
                        ITEMS + COUNTS + "COMMENT ON COLUMN code_counts.n IS 'items';",
                        ITEMS + COUNTS + "COMMENT ON COLUMN code_counts.n IS 'items with the code';"
                                + "COMMENT ON COLUMN code_counts.code IS 'the code';")
                        .expect(SET_COMMENT).forbid(DROP_MATERIALIZED_VIEW, CREATE_MATERIALIZED_VIEW)
                        .check(commented("items with the code"), 1).check(commented("the code"), 1)
                        .check(commented("items"), 0),
                of("comments: view column: a view re-created because a column under it changes type keeps it",
                        ITEMS + STOCK_NOTED + "INSERT INTO items VALUES (1, 'a', 3, 'n');",
                        ITEMS.replace("qty int", "qty bigint") + STOCK_NOTED)
                        .expect(DROP_VIEW, ALTER_COLUMN_TYPE, CREATE_VIEW, SET_COMMENT).forbid(REPLACE_VIEW)
                        .check(commented("units on hand"), 1).check("SELECT count(*) FROM stock", 1),
                of("comments: view column: a view over a re-created view keeps its column comments too",
                        ITEMS + STOCK_NOTED + "CREATE VIEW low_stock AS SELECT id, qty FROM stock WHERE qty < 5;"
                                + "COMMENT ON COLUMN low_stock.id IS 'item to reorder';",
                        ITEMS.replace("qty int", "qty bigint") + STOCK_NOTED
                                + "CREATE VIEW low_stock AS SELECT id, qty FROM stock WHERE qty < 5;"
                                + "COMMENT ON COLUMN low_stock.id IS 'item to reorder';")
                        .expect(DROP_VIEW, ALTER_COLUMN_TYPE, CREATE_VIEW, SET_COMMENT)
                        .check(commented("units on hand"), 1).check(commented("item to reorder"), 1),
                of("comments: view column: a view whose column changes type is re-created with a changed comment",
                        ITEMS + STOCK_NOTED, ITEMS + "CREATE VIEW stock AS SELECT id, qty::bigint AS qty FROM items;"
                                + "COMMENT ON COLUMN stock.qty IS 'units, wide';")
                        .expect(DROP_VIEW, CREATE_VIEW, SET_COMMENT).forbid(REPLACE_VIEW)
                        .check(commented("units, wide"), 1).check(commented("units on hand"), 0),
                of("comments: view column: a materialized view re-created (its query changes) keeps them",
                        ITEMS + COUNTS + "COMMENT ON COLUMN code_counts.n IS 'items';",
                        ITEMS + COUNTS.replace("FROM items", "FROM items WHERE qty > 0")
                                + "COMMENT ON COLUMN code_counts.n IS 'items';")
                        .expect(DROP_MATERIALIZED_VIEW, CREATE_MATERIALIZED_VIEW, SET_COMMENT)
                        .check(commented("items"), 1),
                of("comments: view column: a view replaced in place (a column appended) keeps them",
                        ITEMS + STOCK_NOTED + "COMMENT ON COLUMN stock.id IS 'the item';",
                        ITEMS + "CREATE VIEW stock AS SELECT id, qty, code FROM items;"
                                + "COMMENT ON COLUMN stock.qty IS 'units on hand';"
                                + "COMMENT ON COLUMN stock.id IS 'the item';")
                        .expect(REPLACE_VIEW).forbid(DROP_VIEW, CREATE_VIEW, SET_COMMENT)
                        .check(commented("units on hand"), 1).check(commented("the item"), 1),
                of("comments: view column: a view replaced in place with a comment changed, one removed and one on "
                                + "the appended column",
                        ITEMS + STOCK_NOTED + "COMMENT ON COLUMN stock.id IS 'the item';",
                        ITEMS + "CREATE VIEW stock AS SELECT id, qty, code FROM items WHERE qty > 0;"
                                + "COMMENT ON COLUMN stock.qty IS 'units in stock';"
                                + "COMMENT ON COLUMN stock.code IS 'its code';")
                        .expect(REPLACE_VIEW, SET_COMMENT).forbid(DROP_VIEW, CREATE_VIEW)
                        .check(commented("units in stock"), 1).check(commented("its code"), 1)
                        .check(commented("the item"), 0).check(commented("units on hand"), 0),
                of("comments: view column: new views and a materialized view with column comments, quoted names and "
                                + "non-ASCII text", ITEMS,
                        ITEMS + STOCK_NOTED + COUNTS + "COMMENT ON COLUMN code_counts.code IS 'Code — 番号 ✓';"
                                + "CREATE VIEW \"Low Stock\" AS SELECT id AS \"Item Id\" FROM items WHERE qty < 5;"
                                + "COMMENT ON COLUMN \"Low Stock\".\"Item Id\" IS 'it''s low';")
                        .expect(CREATE_VIEW, CREATE_MATERIALIZED_VIEW, SET_COMMENT)
                        .check(commented("units on hand"), 1).check(commented("Code — 番号 ✓"), 1)
                        .check(commented("it's low"), 1),
                of("comments: view column: a new table and a view over it with a column comment", "",
                        ITEMS + STOCK_NOTED).expect(CREATE_TABLE, CREATE_VIEW, SET_COMMENT)
                        .check(commented("units on hand"), 1),
                of("comments: view column: a view dropped with its column comments", ITEMS + STOCK_NOTED, ITEMS)
                        .expect(DROP_VIEW).forbid(SET_COMMENT).check(commented("units on hand"), 0),
                of("comments: view column: a view in another schema", "CREATE SCHEMA rpt;" + ITEMS
                                + "CREATE VIEW rpt.stock AS SELECT id, qty FROM public.items;",
                        "CREATE SCHEMA rpt;" + ITEMS + "CREATE VIEW rpt.stock AS SELECT id, qty FROM public.items;"
                                + "COMMENT ON COLUMN rpt.stock.qty IS 'units on hand';")
                        .schemas("public", "rpt").expect(SET_COMMENT).check(commented("units on hand"), 1),
                // ------------------------------------------------------------------ event triggers
                of("comments: add a comment on an event trigger", NOTE_DDL,
                        NOTE_DDL_NOTED)
                        .expect(SET_COMMENT).forbid(DROP_EVENT_TRIGGER, CREATE_EVENT_TRIGGER)
                        .check(commented("notes new tables"), 1),
                of("comments: change the comment on an event trigger",
                        NOTE_DDL_NOTED,
                        NOTE_DDL + "COMMENT ON EVENT TRIGGER note_ddl IS 'notes every new table';")
                        .expect(SET_COMMENT).forbid(DROP_EVENT_TRIGGER, CREATE_EVENT_TRIGGER)
                        .check(commented("notes every new table"), 1).check(commented("notes new tables"), 0),
                of("comments: remove the comment on an event trigger",
                        NOTE_DDL_NOTED, NOTE_DDL)
                        .expect(SET_COMMENT).check(commented("notes new tables"), 0),
                of("comments: an event trigger created again (its tags change) gets its comment back",
                        NOTE_DDL_NOTED,
                        NOTE_DDL.replace("('CREATE TABLE')", "('CREATE TABLE', 'ALTER TABLE')")
                                + "COMMENT ON EVENT TRIGGER note_ddl IS 'notes new tables';")
                        .expect(DROP_EVENT_TRIGGER, CREATE_EVENT_TRIGGER, SET_COMMENT)
                        .check(commented("notes new tables"), 1),
                of("comments: a new event trigger with its comment beside a new column and a quoted name", ITEMS,
                        ITEMS.replace("note text", "note text, shelf text")
                                + NOTE_DDL.replace("note_ddl ON", "\"Note DDL\" ON")
                                + "COMMENT ON EVENT TRIGGER \"Note DDL\" IS 'it''s noted';")
                        .expect(ADD_COLUMN, CREATE_FUNCTION, CREATE_EVENT_TRIGGER, SET_COMMENT)
                        .check(commented("it's noted"), 1),
                of("comments: an event trigger dropped with its comment",
                        NOTE_DDL_NOTED, "")
                        .expect(DROP_EVENT_TRIGGER).forbid(SET_COMMENT).check(commented("notes new tables"), 0),
                // An event trigger logging every command it sees: the plan's own steps must leave no row. The server
                // fires no event trigger on a command about an event trigger, its COMMENT included.
                of("comments: a comment on an event trigger that logs every command fires nothing",
                        DDL_LOG, DDL_LOG + "COMMENT ON EVENT TRIGGER log_ddl IS 'logs every command';")
                        .expect(SET_COMMENT).forbid(DROP_EVENT_TRIGGER, CREATE_EVENT_TRIGGER)
                        .check(commented("logs every command"), 1).check("SELECT count(*) FROM ddl_log", 0),
                of("comments: a new logging event trigger and its comment come after a new view and column",
                        ITEMS + "CREATE TABLE ddl_log (tag text);",
                        ITEMS.replace("note text", "note text, shelf text") + STOCK + DDL_LOG
                                + "COMMENT ON EVENT TRIGGER log_ddl IS 'logs every command';")
                        .expect(ADD_COLUMN, CREATE_VIEW, CREATE_EVENT_TRIGGER, SET_COMMENT)
                        .check(commented("logs every command"), 1)
                        .after("CREATE TABLE fired (id int)") // the trigger is live: it logs this one command only
                        .check("SELECT count(*) FROM ddl_log WHERE tag = 'CREATE TABLE'", 1)
                        .check("SELECT count(*) FROM ddl_log", 1),
                of("comments: a logging event trigger created again while a view changes fires on none of it",
                        ITEMS + STOCK + DDL_LOG.replace("ddl_command_start", "ddl_command_end")
                                + "COMMENT ON EVENT TRIGGER log_ddl IS 'logs every command';",
                        ITEMS + STOCK.replace("id, qty", "id, qty, code") + DDL_LOG
                                + "COMMENT ON EVENT TRIGGER log_ddl IS 'logs every command';")
                        .expect(DROP_EVENT_TRIGGER, CREATE_EVENT_TRIGGER, SET_COMMENT)
                        .check("SELECT count(*) FROM ddl_log", 0),
                // ------------------------------------------------------------------ domain constraints
                of("comments: add a comment on a domain constraint", ZIP,
                        ZIP_NOTED)
                        .expect(SET_COMMENT).forbid(DROP_DOMAIN_CONSTRAINT, ADD_DOMAIN_CONSTRAINT)
                        .check(commented("digits only"), 1),
                of("comments: change the comment on a domain constraint",
                        ZIP_NOTED,
                        ZIP + "COMMENT ON CONSTRAINT zip_digits ON DOMAIN zip IS 'five digits';")
                        .expect(SET_COMMENT).check(commented("five digits"), 1).check(commented("digits only"), 0),
                of("comments: remove the comment on a domain constraint",
                        ZIP_NOTED, ZIP)
                        .expect(SET_COMMENT).check(commented("digits only"), 0),
                of("comments: a domain constraint whose check changes is added again with its comment",
                        ZIP_NOTED,
                        ZIP.replace("'^[0-9]+$'", "'^[0-9]{5}$'")
                                + "COMMENT ON CONSTRAINT zip_digits ON DOMAIN zip IS 'digits only';")
                        .expect(DROP_DOMAIN_CONSTRAINT, ADD_DOMAIN_CONSTRAINT, SET_COMMENT)
                        .check(commented("digits only"), 1),
                of("comments: a new domain constraint with its comment on a domain a new column uses",
                        ZIP + ITEMS,
                        ZIP.replace(";", " CONSTRAINT zip_length CHECK (length(VALUE) <= 10);")
                                + ITEMS.replace("note text", "note text, zip zip")
                                + "COMMENT ON CONSTRAINT zip_length ON DOMAIN zip IS 'short';"
                                + "COMMENT ON CONSTRAINT zip_digits ON DOMAIN zip IS 'digits only';")
                        .expect(ADD_COLUMN, ADD_DOMAIN_CONSTRAINT, SET_COMMENT).check(commented("short"), 1)
                        .check(commented("digits only"), 1),
                of("comments: a domain constraint of a new domain, quoted names",
                        ITEMS, ITEMS + "CREATE DOMAIN \"Postal Code\" AS text CONSTRAINT \"Only Digits\" "
                                + "CHECK (VALUE ~ '^[0-9]+$'); COMMENT ON CONSTRAINT \"Only Digits\" ON DOMAIN "
                                + "\"Postal Code\" IS 'Nur Ziffern — 数字';")
                        .expect(CREATE_DOMAIN, SET_COMMENT).check(commented("Nur Ziffern — 数字"), 1),
                of("comments: a domain dropped with its constraint's comment",
                        ITEMS + ZIP_NOTED, ITEMS)
                        .expect(DROP_DOMAIN).forbid(SET_COMMENT).check(commented("digits only"), 0));
    }
}
