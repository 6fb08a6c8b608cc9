package dev.zanith.internal.diff;

import dev.zanith.api.DropStrategy;
import java.util.List;

import static dev.zanith.internal.diff.AcceptanceCase.of;
import static dev.zanith.api.ops.OperationKind.*;

/** The acceptance table: every object kind of the schema graph, old DDL → new DDL. */
final class AcceptanceCases {

    private static final String USERS = "CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, name text);";
    private static final String ACCOUNTS_ORDERS = USERS
            + "CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint, total numeric(12,2), note text);";

    private AcceptanceCases() {
    }

    static List<AcceptanceCase> all() {
        List<AcceptanceCase> all = new java.util.ArrayList<>(tables());
        all.addAll(TypeAcceptanceCases.all());
        all.addAll(ViewAcceptanceCases.all());
        all.addAll(FunctionAcceptanceCases.all());
        all.addAll(DependencyAcceptanceCases.all());
        all.addAll(PartitionAcceptanceCases.all());
        all.addAll(PrivilegeAcceptanceCases.all());
        all.addAll(CommentAcceptanceCases.all());
        return List.copyOf(all);
    }

    private static List<AcceptanceCase> tables() {
        return List.of(
                // ------------------------------------------------------------------ tables
                of("create a table", "", USERS).expect(CREATE_TABLE),
                of("create a table with every column feature",
                        "",
                        """
                        CREATE TABLE items (
                          id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                          sku varchar(32) NOT NULL,
                          price numeric(12,2) NOT NULL DEFAULT 0,
                          tags text[] DEFAULT '{}',
                          attrs jsonb,
                          created_at timestamptz NOT NULL DEFAULT now(),
                          title text COLLATE "C",
                          price_cents bigint GENERATED ALWAYS AS ((price * 100)::bigint) STORED,
                          CONSTRAINT items_sku_key UNIQUE (sku),
                          CONSTRAINT price_positive CHECK (price >= 0));
                        COMMENT ON TABLE items IS 'catalogue';
                        COMMENT ON COLUMN items.sku IS 'stock keeping unit';
                        """).expect(CREATE_TABLE),
                of("soft-drop a table", USERS + "CREATE TABLE legacy (id int, note text);", USERS)
                        .expect(SOFT_DROP_TABLE).forbid(DROP_TABLE),
                of("archive a table", USERS + "CREATE TABLE legacy (id int PRIMARY KEY, note text);", USERS)
                        .drop(DropStrategy.ARCHIVE).expect(ARCHIVE_TABLE).forbid(DROP_TABLE),
                of("hard-drop a table", USERS + "CREATE TABLE legacy (id int, note text);", USERS)
                        .drop(DropStrategy.HARD).expect(DROP_TABLE),
                of("create two tables where one references the other", "",
                        USERS + "CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint REFERENCES users);")
                        .expect(CREATE_TABLE, ADD_FOREIGN_KEY).forbid(VALIDATE_CONSTRAINT),
                of("create a table referencing an existing one", USERS,
                        USERS + "CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint REFERENCES users);")
                        .expect(CREATE_TABLE, ADD_FOREIGN_KEY),
                of("hard-drop two tables that reference each other",
                        USERS + "CREATE TABLE a (id int PRIMARY KEY); CREATE TABLE b (id int PRIMARY KEY, a_id int REFERENCES a);"
                                + "ALTER TABLE a ADD COLUMN b_id int REFERENCES b;",
                        USERS).drop(DropStrategy.HARD).expect(DROP_TABLE, DROP_FOREIGN_KEY),
                of("drop a table another table references", ACCOUNTS_ORDERS
                                + "ALTER TABLE orders ADD CONSTRAINT orders_user_fkey FOREIGN KEY (user_id) REFERENCES users;",
                        "CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint, total numeric(12,2), note text);")
                        .drop(DropStrategy.HARD).expect(DROP_FOREIGN_KEY, DROP_TABLE),
                of("create a self-referencing table", "",
                        "CREATE TABLE nodes (id int PRIMARY KEY, parent_id int REFERENCES nodes ON DELETE CASCADE);")
                        .expect(CREATE_TABLE, ADD_FOREIGN_KEY),
                of("create tables with a foreign key cycle", "",
                        "CREATE TABLE a (id int PRIMARY KEY, b_id int); CREATE TABLE b (id int PRIMARY KEY, a_id int REFERENCES a);"
                                + "ALTER TABLE a ADD CONSTRAINT a_b_fkey FOREIGN KEY (b_id) REFERENCES b;")
                        .expect(CREATE_TABLE, ADD_FOREIGN_KEY),
                of("add, change and remove a table comment",
                        USERS + "CREATE TABLE t1 (id int); CREATE TABLE t2 (id int); COMMENT ON TABLE t2 IS 'old';"
                                + "CREATE TABLE t3 (id int); COMMENT ON TABLE t3 IS 'gone';",
                        USERS + "CREATE TABLE t1 (id int); COMMENT ON TABLE t1 IS 'new'; CREATE TABLE t2 (id int);"
                                + "COMMENT ON TABLE t2 IS 'changed'; CREATE TABLE t3 (id int);")
                        .expect(SET_COMMENT),
                of("create an unlogged table", "", "CREATE UNLOGGED TABLE scratch (id int, payload text);")
                        .expect(CREATE_TABLE),
                of("create a table in a new schema", USERS,
                        USERS + "CREATE SCHEMA billing; CREATE TABLE billing.invoices (id int PRIMARY KEY, "
                                + "user_id bigint REFERENCES public.users);")
                        .schemas("public", "billing").expect(CREATE_SCHEMA, CREATE_TABLE, ADD_FOREIGN_KEY),
                of("same table name in two schemas",
                        "CREATE SCHEMA a; CREATE SCHEMA b; CREATE TABLE a.t (id int); CREATE TABLE b.t (id int);",
                        "CREATE SCHEMA a; CREATE SCHEMA b; CREATE TABLE a.t (id int, x text); CREATE TABLE b.t (id int, y int);")
                        .schemas("a", "b").expect(ADD_COLUMN),

                // ------------------------------------------------------------------ columns
                of("add a nullable column", USERS,
                        "CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, name text, last_login timestamptz);")
                        .expect(ADD_COLUMN),
                of("add a column with a constant default", USERS,
                        "CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, name text, plan text DEFAULT 'free');")
                        .expect(ADD_COLUMN),
                of("add a NOT NULL column with a default", USERS,
                        "CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, name text, "
                                + "score integer NOT NULL DEFAULT 0);").expect(ADD_COLUMN),
                of("add a column with a volatile default", USERS,
                        "CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, name text, "
                                + "token double precision DEFAULT random());").expect(ADD_COLUMN),
                of("add a column defaulting to now()", USERS,
                        "CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, name text, "
                                + "created_at timestamptz NOT NULL DEFAULT now());").expect(ADD_COLUMN),
                of("soft-drop a column", USERS,
                        "CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);").expect(SOFT_DROP_COLUMN)
                        .forbid(DROP_COLUMN),
                of("soft-drop a NOT NULL column with a default and an index",
                        "CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, legacy text NOT NULL DEFAULT 'x');"
                                + "CREATE INDEX users_legacy ON users (legacy);",
                        "CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);")
                        .expect(DROP_INDEX, SOFT_DROP_COLUMN),
                of("archive a column", USERS, "CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);")
                        .drop(DropStrategy.ARCHIVE).expect(ARCHIVE_COLUMN),
                of("hard-drop a column", USERS, "CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);")
                        .drop(DropStrategy.HARD).expect(DROP_COLUMN),
                of("widen integer to bigint", "CREATE TABLE t (id int PRIMARY KEY, n integer);",
                        "CREATE TABLE t (id int PRIMARY KEY, n bigint);").expect(ALTER_COLUMN_TYPE),
                of("widen varchar(50) to varchar(200)", "CREATE TABLE t (id int, s varchar(50));",
                        "CREATE TABLE t (id int, s varchar(200));").expect(ALTER_COLUMN_TYPE),
                of("varchar to text", "CREATE TABLE t (id int, s varchar(50));", "CREATE TABLE t (id int, s text);")
                        .expect(ALTER_COLUMN_TYPE),
                of("narrow varchar(200) to varchar(20)", "CREATE TABLE t (id int, s varchar(200));",
                        "CREATE TABLE t (id int, s varchar(20));").expect(ALTER_COLUMN_TYPE),
                of("text to integer needs USING", "CREATE TABLE t (id int, n text);", "CREATE TABLE t (id int, n integer);")
                        .expect(ALTER_COLUMN_TYPE),
                of("change the type of a column with a default", "CREATE TABLE t (id int, n integer NOT NULL DEFAULT 0);",
                        "CREATE TABLE t (id int, n bigint NOT NULL DEFAULT 0);").expect(DROP_DEFAULT, ALTER_COLUMN_TYPE, SET_DEFAULT),
                of("text column becomes an enum", "CREATE TABLE t (id int, status text DEFAULT 'new');",
                        "CREATE TYPE status AS ENUM ('new', 'done'); CREATE TABLE t (id int, status status DEFAULT 'new');")
                        .expect(CREATE_ENUM, ALTER_COLUMN_TYPE),
                of("set a default", USERS, "CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, name text DEFAULT 'anon');")
                        .expect(SET_DEFAULT),
                of("change a default", "CREATE TABLE t (id int, n int DEFAULT 1);", "CREATE TABLE t (id int, n int DEFAULT 2);")
                        .expect(SET_DEFAULT),
                of("drop a default", "CREATE TABLE t (id int, n int DEFAULT 1);", "CREATE TABLE t (id int, n int);")
                        .expect(DROP_DEFAULT),
                of("set NOT NULL the online way", USERS,
                        "CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, name text NOT NULL);")
                        .expect(ADD_CHECK_CONSTRAINT, VALIDATE_CONSTRAINT, SET_NOT_NULL, DROP_CHECK_CONSTRAINT),
                of("drop NOT NULL", USERS, "CREATE TABLE users (id bigint PRIMARY KEY, email text, name text);")
                        .expect(DROP_NOT_NULL),
                of("add an identity column", USERS,
                        "CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, name text, "
                                + "seq bigint GENERATED BY DEFAULT AS IDENTITY);").expect(ADD_COLUMN),
                of("make an existing column an identity", "CREATE TABLE t (id bigint NOT NULL, x text);",
                        "CREATE TABLE t (id bigint GENERATED ALWAYS AS IDENTITY, x text);").expect(SET_IDENTITY),
                of("make a nullable column an identity", "CREATE TABLE t (id bigint, x text);",
                        "CREATE TABLE t (id bigint GENERATED BY DEFAULT AS IDENTITY, x text);").expect(SET_NOT_NULL, SET_IDENTITY),
                of("drop an identity", "CREATE TABLE t (id bigint GENERATED ALWAYS AS IDENTITY, x text);",
                        "CREATE TABLE t (id bigint NOT NULL, x text);").expect(DROP_IDENTITY),
                of("change identity options", "CREATE TABLE t (id bigint GENERATED ALWAYS AS IDENTITY, x text);",
                        "CREATE TABLE t (id bigint GENERATED BY DEFAULT AS IDENTITY (INCREMENT BY 10 START WITH 5), x text);")
                        .expect(SET_IDENTITY),
                of("add a generated column", "CREATE TABLE t (id int, price numeric);",
                        "CREATE TABLE t (id int, price numeric, gross numeric GENERATED ALWAYS AS (price * 1.2) STORED);")
                        .expect(ADD_COLUMN),
                of("change a generated column's expression",
                        "CREATE TABLE t (id int, price numeric, gross numeric GENERATED ALWAYS AS (price * 1.2) STORED);",
                        "CREATE TABLE t (id int, price numeric, gross numeric GENERATED ALWAYS AS (price * 1.25) STORED);")
                        .expect(DROP_COLUMN, ADD_COLUMN),
                of("change a column's collation", "CREATE TABLE t (id int, name text);",
                        "CREATE TABLE t (id int, name text COLLATE \"C\");").expect(ALTER_COLUMN_TYPE),
                of("add, change and remove column comments",
                        "CREATE TABLE t (a int, b int, c int); COMMENT ON COLUMN t.b IS 'old'; COMMENT ON COLUMN t.c IS 'gone';",
                        "CREATE TABLE t (a int, b int, c int); COMMENT ON COLUMN t.a IS 'new'; COMMENT ON COLUMN t.b IS 'changed';")
                        .expect(SET_COMMENT),
                of("create a table with a serial key", "", "CREATE TABLE t (id serial PRIMARY KEY, x text);")
                        .expect(CREATE_TABLE).forbid(CREATE_SEQUENCE),
                of("add a bigserial column to an existing table", "CREATE TABLE t (x text);",
                        "CREATE TABLE t (x text, id bigserial);").expect(ADD_COLUMN).forbid(CREATE_SEQUENCE),
                of("add array and numeric columns", "CREATE TABLE t (id int);",
                        "CREATE TABLE t (id int, tags text[], amounts numeric(12,2)[], grid integer[][]);").expect(ADD_COLUMN),
                of("add a virtual generated column", "CREATE TABLE t (id int, price numeric);",
                        "CREATE TABLE t (id int, price numeric, gross numeric GENERATED ALWAYS AS (price * 2) VIRTUAL);")
                        .since(18).expect(ADD_COLUMN),

                // ------------------------------------------------------------------ constraints
                of("add a primary key to an existing table", "CREATE TABLE t (id bigint NOT NULL, x text);",
                        "CREATE TABLE t (id bigint PRIMARY KEY, x text);").expect(ADD_INDEX, ADD_PRIMARY_KEY).online(),
                of("drop a primary key", "CREATE TABLE t (id bigint PRIMARY KEY, x text);",
                        "CREATE TABLE t (id bigint NOT NULL, x text);").expect(DROP_PRIMARY_KEY),
                of("change primary key columns", "CREATE TABLE t (a int NOT NULL, b int NOT NULL, CONSTRAINT t_pkey PRIMARY KEY (a));",
                        "CREATE TABLE t (a int NOT NULL, b int NOT NULL, CONSTRAINT t_pkey PRIMARY KEY (a, b));")
                        .expect(DROP_PRIMARY_KEY, ADD_PRIMARY_KEY),
                of("add a unique constraint the online way", USERS,
                        "CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL UNIQUE, name text);")
                        .expect(ADD_INDEX, ADD_UNIQUE_CONSTRAINT).online(),
                of("add a unique constraint with INCLUDE", USERS,
                        "CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, name text, "
                                + "CONSTRAINT users_email_key UNIQUE (email) INCLUDE (name));").expect(ADD_UNIQUE_CONSTRAINT),
                of("add a unique NULLS NOT DISTINCT constraint", USERS,
                        "CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, name text, "
                                + "CONSTRAINT users_name_key UNIQUE NULLS NOT DISTINCT (name));")
                        .since(15).expect(ADD_UNIQUE_CONSTRAINT),
                of("add a deferrable unique constraint", "CREATE TABLE t (id int, pos int);",
                        "CREATE TABLE t (id int, pos int, CONSTRAINT t_pos_key UNIQUE (pos) DEFERRABLE INITIALLY DEFERRED);")
                        .expect(ADD_UNIQUE_CONSTRAINT),
                of("drop a unique constraint", "CREATE TABLE t (id int, code text UNIQUE);",
                        "CREATE TABLE t (id int, code text);").expect(DROP_UNIQUE_CONSTRAINT),
                of("change a unique constraint's columns", "CREATE TABLE t (a int, b int, CONSTRAINT t_u UNIQUE (a));",
                        "CREATE TABLE t (a int, b int, CONSTRAINT t_u UNIQUE (a, b));")
                        .expect(DROP_UNIQUE_CONSTRAINT, ADD_UNIQUE_CONSTRAINT),
                of("add a check constraint NOT VALID then validate", "CREATE TABLE t (id int, price numeric);",
                        "CREATE TABLE t (id int, price numeric, CONSTRAINT price_positive CHECK (price > 0));")
                        .expect(ADD_CHECK_CONSTRAINT, VALIDATE_CONSTRAINT),
                of("declare a check NOT VALID", "CREATE TABLE t (id int, price numeric);",
                        "CREATE TABLE t (id int, price numeric); ALTER TABLE t ADD CONSTRAINT price_positive "
                                + "CHECK (price > 0) NOT VALID;").expect(ADD_CHECK_CONSTRAINT).forbid(VALIDATE_CONSTRAINT),
                of("drop a check constraint", "CREATE TABLE t (id int, price numeric CONSTRAINT p CHECK (price > 0));",
                        "CREATE TABLE t (id int, price numeric);").expect(DROP_CHECK_CONSTRAINT),
                of("change a check expression", "CREATE TABLE t (id int, price numeric CONSTRAINT p CHECK (price > 0));",
                        "CREATE TABLE t (id int, price numeric CONSTRAINT p CHECK (price >= 0));")
                        .expect(DROP_CHECK_CONSTRAINT, ADD_CHECK_CONSTRAINT, VALIDATE_CONSTRAINT),
                of("validate a NOT VALID check",
                        "CREATE TABLE t (id int, price numeric); ALTER TABLE t ADD CONSTRAINT p CHECK (price > 0) NOT VALID;",
                        "CREATE TABLE t (id int, price numeric CONSTRAINT p CHECK (price > 0));")
                        .expect(VALIDATE_CONSTRAINT).forbid(DROP_CHECK_CONSTRAINT),
                of("add a foreign key NOT VALID then validate", ACCOUNTS_ORDERS,
                        ACCOUNTS_ORDERS.replace("user_id bigint,", "user_id bigint REFERENCES users,"))
                        .expect(ADD_FOREIGN_KEY, VALIDATE_CONSTRAINT),
                of("foreign key actions and MATCH FULL", ACCOUNTS_ORDERS,
                        ACCOUNTS_ORDERS + "ALTER TABLE orders ADD CONSTRAINT orders_user_fkey FOREIGN KEY (user_id) "
                                + "REFERENCES users MATCH FULL ON DELETE SET NULL ON UPDATE CASCADE;")
                        .expect(ADD_FOREIGN_KEY),
                of("deferrable foreign key", ACCOUNTS_ORDERS,
                        ACCOUNTS_ORDERS + "ALTER TABLE orders ADD CONSTRAINT orders_user_fkey FOREIGN KEY (user_id) "
                                + "REFERENCES users DEFERRABLE INITIALLY DEFERRED;").expect(ADD_FOREIGN_KEY),
                of("drop a foreign key", ACCOUNTS_ORDERS.replace("user_id bigint,", "user_id bigint REFERENCES users,"),
                        ACCOUNTS_ORDERS).expect(DROP_FOREIGN_KEY),
                of("change a foreign key's action", ACCOUNTS_ORDERS.replace("user_id bigint,", "user_id bigint REFERENCES users,"),
                        ACCOUNTS_ORDERS.replace("user_id bigint,", "user_id bigint REFERENCES users ON DELETE CASCADE,"))
                        .expect(DROP_FOREIGN_KEY, ADD_FOREIGN_KEY),
                of("declare a foreign key NOT VALID", ACCOUNTS_ORDERS,
                        ACCOUNTS_ORDERS + "ALTER TABLE orders ADD CONSTRAINT orders_user_fkey FOREIGN KEY (user_id) "
                                + "REFERENCES users NOT VALID;").expect(ADD_FOREIGN_KEY).forbid(VALIDATE_CONSTRAINT),
                of("composite foreign key",
                        "CREATE TABLE p (a int, b int, PRIMARY KEY (a, b)); CREATE TABLE c (id int, pa int, pb int);",
                        "CREATE TABLE p (a int, b int, PRIMARY KEY (a, b)); CREATE TABLE c (id int, pa int, pb int, "
                                + "CONSTRAINT c_p_fkey FOREIGN KEY (pa, pb) REFERENCES p (a, b));").expect(ADD_FOREIGN_KEY),
                of("rename a constraint that is otherwise the same", "CREATE TABLE t (id int, n int CONSTRAINT old_check CHECK (n > 0));",
                        "CREATE TABLE t (id int, n int CONSTRAINT new_check CHECK (n > 0));")
                        .expect(RENAME_CONSTRAINT).forbid(DROP_CHECK_CONSTRAINT),

                // ------------------------------------------------------------------ indexes
                of("add an index concurrently", USERS, USERS + "CREATE INDEX users_name_idx ON users (name);")
                        .expect(ADD_INDEX).online(),
                of("add a partial index", USERS, USERS + "CREATE INDEX users_named ON users (email) WHERE name IS NOT NULL;")
                        .expect(ADD_INDEX),
                of("add an expression index", USERS, USERS + "CREATE UNIQUE INDEX users_email_lower ON users (lower(email));")
                        .expect(ADD_INDEX),
                of("add an index with INCLUDE", USERS, USERS + "CREATE INDEX users_email_incl ON users (email) INCLUDE (name);")
                        .expect(ADD_INDEX),
                of("add a GIN index", "CREATE TABLE t (id int, tags text[], doc jsonb);",
                        "CREATE TABLE t (id int, tags text[], doc jsonb); CREATE INDEX t_tags ON t USING gin (tags);"
                                + "CREATE INDEX t_doc ON t USING gin (doc jsonb_path_ops);").expect(ADD_INDEX),
                of("add BRIN and hash indexes", "CREATE TABLE t (id int, at timestamptz, code text);",
                        "CREATE TABLE t (id int, at timestamptz, code text); CREATE INDEX t_at ON t USING brin (at);"
                                + "CREATE INDEX t_code ON t USING hash (code);").expect(ADD_INDEX),
                of("ordering, operator class and collation in an index", USERS,
                        USERS + "CREATE INDEX users_sorted ON users (name DESC NULLS LAST, email text_pattern_ops);"
                                + "CREATE INDEX users_c ON users (name COLLATE \"C\");").expect(ADD_INDEX),
                of("index storage parameters", USERS, USERS + "CREATE INDEX users_ff ON users (email) WITH (fillfactor = 70);")
                        .expect(ADD_INDEX),
                of("change an index definition by building a replacement", USERS + "CREATE INDEX users_lookup ON users (email);",
                        USERS + "CREATE INDEX users_lookup ON users (email, name);")
                        .expect(ADD_INDEX, DROP_INDEX, RENAME_INDEX),
                of("drop an index concurrently", USERS + "CREATE INDEX users_name_idx ON users (name);", USERS)
                        .expect(DROP_INDEX).online(),
                of("rename an index that is otherwise the same", USERS + "CREATE INDEX users_old ON users (name);",
                        USERS + "CREATE INDEX users_new ON users (name);").expect(RENAME_INDEX).forbid(DROP_INDEX, ADD_INDEX),

                // ------------------------------------------------------------------ enums
                of("create an enum and use it", USERS,
                        "CREATE TYPE plan AS ENUM ('free', 'pro'); CREATE TABLE users (id bigint PRIMARY KEY, "
                                + "email text NOT NULL, name text, plan plan NOT NULL DEFAULT 'free');").expect(CREATE_ENUM, ADD_COLUMN),
                of("add an enum value at the end", "CREATE TYPE plan AS ENUM ('free', 'pro');",
                        "CREATE TYPE plan AS ENUM ('free', 'pro', 'team');").expect(ADD_ENUM_VALUE),
                of("add an enum value in the middle", "CREATE TYPE plan AS ENUM ('free', 'team');",
                        "CREATE TYPE plan AS ENUM ('free', 'pro', 'team');").expect(ADD_ENUM_VALUE),
                of("add enum values first and twice in a row", "CREATE TYPE size AS ENUM ('m');",
                        "CREATE TYPE size AS ENUM ('xs', 's', 'm', 'l', 'xl');").expect(ADD_ENUM_VALUE),
                of("drop an unused enum", "CREATE TYPE old_kind AS ENUM ('a'); CREATE TABLE t (id int);",
                        "CREATE TABLE t (id int);").expect(DROP_ENUM),
                of("drop a column and the enum it used", "CREATE TYPE mood AS ENUM ('ok'); CREATE TABLE t (id int, m mood);",
                        "CREATE TABLE t (id int);").drop(DropStrategy.HARD).expect(DROP_COLUMN, DROP_ENUM),
                of("comment on an enum", "CREATE TYPE plan AS ENUM ('free');",
                        "CREATE TYPE plan AS ENUM ('free'); COMMENT ON TYPE plan IS 'billing plans';").expect(SET_COMMENT),

                // ------------------------------------------------------------------ extensions
                of("create an extension and use its type", USERS,
                        "CREATE EXTENSION citext; CREATE TABLE users (id bigint PRIMARY KEY, email citext NOT NULL, name text);")
                        .expect(CREATE_EXTENSION, ALTER_COLUMN_TYPE),
                of("drop an extension", "CREATE EXTENSION hstore; CREATE TABLE t (id int);", "CREATE TABLE t (id int);")
                        .expect(DROP_EXTENSION),
                of("trigram index from an extension", USERS,
                        "CREATE EXTENSION pg_trgm; " + USERS + "CREATE INDEX users_name_trgm ON users USING gin (name gin_trgm_ops);")
                        .expect(CREATE_EXTENSION, ADD_INDEX),

                // ------------------------------------------------------------------ row level security
                of("enable row level security", "CREATE TABLE docs (id int, owner text);",
                        "CREATE TABLE docs (id int, owner text); ALTER TABLE docs ENABLE ROW LEVEL SECURITY;").expect(ENABLE_RLS),
                of("enable and force row level security", "CREATE TABLE docs (id int, owner text);",
                        "CREATE TABLE docs (id int, owner text); ALTER TABLE docs ENABLE ROW LEVEL SECURITY;"
                                + "ALTER TABLE docs FORCE ROW LEVEL SECURITY;").expect(ENABLE_RLS),
                of("disable row level security",
                        "CREATE TABLE docs (id int, owner text); ALTER TABLE docs ENABLE ROW LEVEL SECURITY;",
                        "CREATE TABLE docs (id int, owner text);").expect(DISABLE_RLS),
                of("create a policy", "CREATE TABLE docs (id int, owner text); ALTER TABLE docs ENABLE ROW LEVEL SECURITY;",
                        "CREATE TABLE docs (id int, owner text); ALTER TABLE docs ENABLE ROW LEVEL SECURITY;"
                                + "CREATE POLICY own ON docs USING (owner = current_user);").expect(CREATE_POLICY),
                of("drop a policy", "CREATE TABLE docs (id int, owner text); CREATE POLICY own ON docs USING (owner = current_user);",
                        "CREATE TABLE docs (id int, owner text);").expect(DROP_POLICY),
                of("change a policy", "CREATE TABLE docs (id int, owner text); CREATE POLICY own ON docs USING (owner = current_user);",
                        "CREATE TABLE docs (id int, owner text); CREATE POLICY own ON docs USING (owner = session_user);")
                        .expect(DROP_POLICY, CREATE_POLICY),
                of("restrictive insert policy with check", "CREATE TABLE docs (id int, tenant int);",
                        "CREATE TABLE docs (id int, tenant int); ALTER TABLE docs ENABLE ROW LEVEL SECURITY;"
                                + "CREATE POLICY tenant_guard ON docs AS RESTRICTIVE FOR INSERT WITH CHECK (tenant > 0);")
                        .expect(ENABLE_RLS, CREATE_POLICY),

                // ------------------------------------------------------------------ names
                of("quoted mixed-case names", "",
                        "CREATE TABLE \"Order Items\" (\"Id\" int PRIMARY KEY, \"Quantity\" int NOT NULL DEFAULT 1,"
                                + " \"Note\" text); CREATE INDEX \"Items By Qty\" ON \"Order Items\" (\"Quantity\");")
                        .expect(CREATE_TABLE, ADD_INDEX),
                of("keywords as column names", "CREATE TABLE t (id int);",
                        "CREATE TABLE t (id int, \"select\" text, \"order\" int, \"user\" text);"
                                + "CREATE INDEX t_order ON t (\"order\");").expect(ADD_COLUMN, ADD_INDEX),
                of("names with spaces and quotes", "CREATE TABLE \"a \"\"b\"\" c\" (\"x y\" int);",
                        "CREATE TABLE \"a \"\"b\"\" c\" (\"x y\" int, \"it's\" text NOT NULL DEFAULT 'it''s');")
                        .expect(ADD_COLUMN),
                of("mixed-case schema with an enum", "CREATE SCHEMA \"Sales\";",
                        "CREATE SCHEMA \"Sales\"; CREATE TYPE \"Sales\".\"Tier\" AS ENUM ('Gold', 'Silver');"
                                + "CREATE TABLE \"Sales\".\"Deals\" (id int PRIMARY KEY, tier \"Sales\".\"Tier\" DEFAULT 'Gold');")
                        .schemas("Sales").expect(CREATE_ENUM, CREATE_TABLE),

                // ------------------------------------------------------------------ renames
                of("rename a column with a hint", USERS + "CREATE INDEX users_name_idx ON users (name);",
                        "CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, full_name text);"
                                + "CREATE INDEX users_name_idx ON users (full_name);")
                        .rename("users.name=users.full_name").expect(RENAME_COLUMN).forbid(SOFT_DROP_COLUMN, ADD_COLUMN),
                of("rename a table with a hint", "CREATE TABLE people (id serial PRIMARY KEY, name text);",
                        "CREATE TABLE persons (id serial PRIMARY KEY, name text);")
                        .rename("people=persons").expect(RENAME_TABLE, RENAME_CONSTRAINT, RENAME_SEQUENCE)
                        .forbid(SOFT_DROP_TABLE, CREATE_TABLE),
                of("rename a table and one of its columns", "CREATE TABLE people (id int PRIMARY KEY, nm text);",
                        "CREATE TABLE persons (id int, name text, CONSTRAINT people_pkey PRIMARY KEY (id));")
                        .rename("people=persons").rename("persons.nm=persons.name").expect(RENAME_TABLE, RENAME_COLUMN),
                of("without a hint a rename is a drop and an add", USERS,
                        "CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, display_name text);")
                        .expect(SOFT_DROP_COLUMN, ADD_COLUMN).suspectsRename(),
                of("rename a column used by a check and a foreign key",
                        "CREATE TABLE a (id int PRIMARY KEY); CREATE TABLE b (id int, a_ref int REFERENCES a, "
                                + "CONSTRAINT b_ref_positive CHECK (a_ref > 0));",
                        "CREATE TABLE a (id int PRIMARY KEY); CREATE TABLE b (id int, a_id int, "
                                + "CONSTRAINT b_a_ref_fkey FOREIGN KEY (a_id) REFERENCES a, CONSTRAINT b_ref_positive CHECK (a_id > 0));")
                        .rename("b.a_ref=b.a_id").expect(RENAME_COLUMN).forbid(DROP_FOREIGN_KEY, DROP_CHECK_CONSTRAINT),

                // ------------------------------------------------------------------ sequences
                of("create a standalone sequence", "", "CREATE SEQUENCE invoice_numbers START 1000 INCREMENT 5;")
                        .expect(CREATE_SEQUENCE),
                of("change a sequence's options", "CREATE SEQUENCE invoice_numbers;",
                        "CREATE SEQUENCE invoice_numbers INCREMENT 10 MAXVALUE 99999;").expect(ALTER_SEQUENCE),
                of("drop a standalone sequence", "CREATE SEQUENCE gone; CREATE TABLE t (id int);", "CREATE TABLE t (id int);")
                        .expect(DROP_SEQUENCE),
                of("column default from a non-serial sequence", "CREATE TABLE t (x text);",
                        "CREATE SEQUENCE ids START 500; CREATE TABLE t (x text, id bigint NOT NULL DEFAULT nextval('ids'));"
                                + "ALTER SEQUENCE ids OWNED BY t.id;").expect(CREATE_SEQUENCE, ADD_COLUMN, ALTER_SEQUENCE),

                // ------------------------------------------------------------------ bigger moves
                of("everything at once",
                        ACCOUNTS_ORDERS + "CREATE TYPE status AS ENUM ('new', 'paid');",
                        """
                        CREATE TYPE status AS ENUM ('new', 'pending', 'paid', 'refunded');
                        CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL UNIQUE, name text NOT NULL,
                                            last_login timestamptz);
                        CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint NOT NULL REFERENCES users ON DELETE CASCADE,
                                             total numeric(14,2) CHECK (total >= 0), status status NOT NULL DEFAULT 'new');
                        CREATE INDEX orders_user_status ON orders (user_id, status) WHERE status <> 'refunded';
                        CREATE TABLE order_events (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                                                   order_id bigint NOT NULL REFERENCES orders, at timestamptz DEFAULT now());
                        ALTER TABLE orders ENABLE ROW LEVEL SECURITY;
                        CREATE POLICY orders_visible ON orders FOR SELECT USING (user_id > 0);
                        """).expect(ADD_ENUM_VALUE, ADD_UNIQUE_CONSTRAINT, SET_NOT_NULL, ALTER_COLUMN_TYPE,
                                ADD_FOREIGN_KEY, CREATE_TABLE, ENABLE_RLS, CREATE_POLICY, SOFT_DROP_COLUMN, ADD_INDEX),
                of("nothing changed", ACCOUNTS_ORDERS, ACCOUNTS_ORDERS),

                // ------------------------------------------------------------------ kinds generate once got wrong
                of("enum value removed and another added, default moved to it",
                        "CREATE TYPE status AS ENUM ('ONE', 'TWO');"
                                + "CREATE TABLE clients (id int PRIMARY KEY, status status NOT NULL DEFAULT 'ONE');",
                        "CREATE TYPE status AS ENUM ('ONE', 'FOUR');"
                                + "CREATE TABLE clients (id int PRIMARY KEY, status status NOT NULL DEFAULT 'FOUR');")
                        .data("INSERT INTO clients VALUES (1, 'ONE');")
                        .after("INSERT INTO clients (id) VALUES (2);")
                        .check("SELECT count(*) FROM clients WHERE (id = 1 AND status = 'ONE') OR (id = 2 AND status = 'FOUR')", 2)
                        .expect(CREATE_ENUM, ALTER_COLUMN_TYPE, DROP_ENUM, RENAME_ENUM, SET_DEFAULT),
                of("enum values reordered, also in an array column and another schema's table",
                        "CREATE SCHEMA shop; CREATE TYPE size AS ENUM ('s', 'm', 'l');"
                                + "CREATE TABLE shirts (id int, size size, sizes size[]); CREATE TABLE shop.stock (s public.size);",
                        "CREATE SCHEMA shop; CREATE TYPE size AS ENUM ('l', 'm', 's');"
                                + "CREATE TABLE shirts (id int, size size, sizes size[]); CREATE TABLE shop.stock (s public.size);")
                        .schemas("public", "shop")
                        .data("INSERT INTO shirts VALUES (1, 'm', '{s,l}'); INSERT INTO shop.stock VALUES ('l');")
                        .check("SELECT count(*) FROM shirts WHERE size = 'm' AND sizes = '{s,l}' AND size < 's'", 1)
                        .expect(CREATE_ENUM, ALTER_COLUMN_TYPE, DROP_ENUM, RENAME_ENUM),
                of("serial becomes identity on a table with rows",
                        "CREATE TABLE samples (id serial PRIMARY KEY, name text);",
                        "CREATE TABLE samples (id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, name text);")
                        .data("INSERT INTO samples (name) VALUES ('a'); INSERT INTO samples (name) VALUES ('b');"
                                + "DELETE FROM samples WHERE name = 'b';")
                        .after("INSERT INTO samples (name) VALUES ('c');")
                        .check("SELECT count(*) FROM samples WHERE name = 'c' AND id = 3", 1)
                        .check("SELECT count(*) FROM pg_class WHERE relname = 'samples_id_seq' AND relkind = 'S'", 1)
                        .expect(SET_IDENTITY, DROP_SEQUENCE),
                of("identity becomes serial on a table with rows",
                        "CREATE TABLE samples (id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, name text);",
                        "CREATE TABLE samples (id serial PRIMARY KEY, name text);")
                        .data("INSERT INTO samples (name) VALUES ('a'), ('b');")
                        .after("INSERT INTO samples (name) VALUES ('c');")
                        .check("SELECT count(*) FROM samples WHERE name = 'c' AND id = 3", 1)
                        .expect(DROP_IDENTITY, CREATE_SEQUENCE),
                of("bigserial becomes an always identity",
                        "CREATE TABLE events (id bigserial PRIMARY KEY, at timestamptz);",
                        "CREATE TABLE events (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, at timestamptz);")
                        .data("INSERT INTO events (at) VALUES (now()), (now());")
                        .after("INSERT INTO events (at) VALUES (now());")
                        .check("SELECT max(id) FROM events", 3),
                of("drop a unique index a foreign key depends on, with the foreign key",
                        "CREATE TABLE a (id int, code int); CREATE UNIQUE INDEX a_code ON a (code);"
                                + "CREATE TABLE b (id int, code int CONSTRAINT b_code_fkey REFERENCES a (code));",
                        "CREATE TABLE a (id int, code int); CREATE TABLE b (id int, code int);")
                        .expect(DROP_FOREIGN_KEY, DROP_INDEX),
                of("replace a unique index a foreign key depends on",
                        "CREATE TABLE a (id int, code int); CREATE UNIQUE INDEX a_code ON a (code);"
                                + "CREATE TABLE b (id int, code int CONSTRAINT b_code_fkey REFERENCES a (code));",
                        "CREATE TABLE a (id int, code int); CREATE UNIQUE INDEX a_code ON a (code) WITH (fillfactor = 70);"
                                + "CREATE TABLE b (id int, code int CONSTRAINT b_code_fkey REFERENCES a (code));")
                        .data("INSERT INTO a VALUES (1, 10); INSERT INTO b VALUES (1, 10);")
                        .expect(DROP_FOREIGN_KEY, DROP_INDEX, ADD_FOREIGN_KEY),
                of("replace the primary key a foreign key references",
                        "CREATE TABLE a (id int CONSTRAINT a_pkey PRIMARY KEY, code int);"
                                + "CREATE TABLE b (id int, a_id int CONSTRAINT b_a_fkey REFERENCES a);",
                        "CREATE TABLE a (id int, code int, CONSTRAINT a_pkey PRIMARY KEY (id) INCLUDE (code));"
                                + "CREATE TABLE b (id int, a_id int CONSTRAINT b_a_fkey REFERENCES a);")
                        .expect(DROP_FOREIGN_KEY, DROP_PRIMARY_KEY, ADD_PRIMARY_KEY, ADD_FOREIGN_KEY),
                of("replace a unique constraint a foreign key references",
                        "CREATE TABLE a (id int, code int CONSTRAINT a_code_key UNIQUE);"
                                + "CREATE TABLE b (id int, code int CONSTRAINT b_code_fkey REFERENCES a (code));",
                        "CREATE TABLE a (id int, code int, CONSTRAINT a_code_key UNIQUE (code) INCLUDE (id));"
                                + "CREATE TABLE b (id int, code int CONSTRAINT b_code_fkey REFERENCES a (code));")
                        .expect(DROP_FOREIGN_KEY, DROP_UNIQUE_CONSTRAINT, ADD_UNIQUE_CONSTRAINT, ADD_FOREIGN_KEY),
                of("force row level security alone", "CREATE TABLE docs (id int);",
                        "CREATE TABLE docs (id int); ALTER TABLE docs FORCE ROW LEVEL SECURITY;"),
                of("stop forcing row level security that stays enabled",
                        "CREATE TABLE docs (id int); ALTER TABLE docs ENABLE ROW LEVEL SECURITY;"
                                + "ALTER TABLE docs FORCE ROW LEVEL SECURITY;",
                        "CREATE TABLE docs (id int); ALTER TABLE docs ENABLE ROW LEVEL SECURITY;"),
                of("stop forcing row level security that is not enabled",
                        "CREATE TABLE docs (id int); ALTER TABLE docs FORCE ROW LEVEL SECURITY;",
                        "CREATE TABLE docs (id int);"),
                of("disable forced row level security",
                        "CREATE TABLE docs (id int); ALTER TABLE docs ENABLE ROW LEVEL SECURITY;"
                                + "ALTER TABLE docs FORCE ROW LEVEL SECURITY;",
                        "CREATE TABLE docs (id int); ALTER TABLE docs FORCE ROW LEVEL SECURITY;"),
                of("create a table with forced row level security", "",
                        "CREATE TABLE docs (id int); ALTER TABLE docs ENABLE ROW LEVEL SECURITY;"
                                + "ALTER TABLE docs FORCE ROW LEVEL SECURITY;").expect(CREATE_TABLE, ENABLE_RLS),
                of("create a table that only forces row level security", "",
                        "CREATE TABLE docs (id int); ALTER TABLE docs FORCE ROW LEVEL SECURITY;").expect(CREATE_TABLE),
                of("create a table without columns", "", "CREATE TABLE foo ();").expect(CREATE_TABLE),
                of("add a column to a table without columns", "CREATE TABLE foo ();", "CREATE TABLE foo (a int);")
                        .expect(ADD_COLUMN),
                of("drop the last column of a table", "CREATE TABLE foo (a int);", "CREATE TABLE foo ();")
                        .drop(DropStrategy.HARD).expect(DROP_COLUMN),
                of("hard-drop a table without columns", "CREATE TABLE foo (); CREATE TABLE t (id int);",
                        "CREATE TABLE t (id int);").drop(DropStrategy.HARD).expect(DROP_TABLE),
                of("soft-drop a table without columns", "CREATE TABLE foo (); CREATE TABLE t (id int);",
                        "CREATE TABLE t (id int);").expect(SOFT_DROP_TABLE),
                of("drop an extension installed in another schema",
                        "CREATE SCHEMA ext; CREATE EXTENSION hstore SCHEMA ext; CREATE TABLE t (id int);",
                        "CREATE TABLE t (id int);").expect(DROP_EXTENSION),
                of("drop an extension and the schema it was installed in",
                        "CREATE SCHEMA ext; CREATE EXTENSION hstore SCHEMA ext; CREATE TABLE t (id int);",
                        "CREATE TABLE t (id int);").schemas("public", "ext").expect(DROP_EXTENSION, DROP_SCHEMA),
                of("drop a quoted-name sequence in a dropped schema",
                        "CREATE SCHEMA \"Old Stuff\"; CREATE SEQUENCE \"Old Stuff\".\"Order Numbers\"; CREATE TABLE t (id int);",
                        "CREATE TABLE t (id int);").schemas("public", "Old Stuff").expect(DROP_SEQUENCE, DROP_SCHEMA),
                of("hard-drop a schema with its tables", "CREATE SCHEMA old; CREATE TABLE old.t (id int); CREATE TABLE t (id int);",
                        "CREATE TABLE t (id int);").schemas("public", "old").drop(DropStrategy.HARD)
                        .expect(DROP_TABLE, DROP_SCHEMA));
    }
}
