package dev.zanith.internal.diff;

import dev.zanith.api.DropStrategy;

import java.util.List;

import static dev.zanith.api.ops.OperationKind.*;
import static dev.zanith.internal.diff.AcceptanceCase.of;

/**
 * The acceptance rows for privileges (table, column, sequence, schema and routine grants to roles created per case,
 * and to PUBLIC, including PUBLIC's built-in EXECUTE on a routine taken away and given back), default privileges
 * (including PostgreSQL's built-in ones taken away by default and given back, before and after a new function), comments on indexes, constraints, sequences and schemas, table storage parameters and UNLOGGED/LOGGED, and
 * named schemas with their comments and grants: alone and with table changes.
 */
final class PrivilegeAcceptanceCases {

    private static final String T = "CREATE TABLE accounts (id bigint PRIMARY KEY, email text NOT NULL, name text);";
    private static final String F = "CREATE FUNCTION add_one(i integer) RETURNS integer LANGUAGE sql IMMUTABLE "
            + "AS 'SELECT i + 1';";
    /** A function created after the migration, under the default privileges it left. */
    private static final String LATER = "CREATE FUNCTION later() RETURNS integer LANGUAGE sql AS 'SELECT 1';";
    private static final String LATER_EXECUTABLE_BY_APP =
            "SELECT count(*) WHERE has_function_privilege('${app}'::regrole, 'later()', 'EXECUTE')";
    private static final String P = "CREATE PROCEDURE touch_accounts() LANGUAGE sql AS 'UPDATE accounts SET name = name';";

    private PrivilegeAcceptanceCases() {
    }

    static List<AcceptanceCase> all() {
        return List.of(
                // ------------------------------------------------------------------ table and column grants
                of("grant SELECT on a table to a role", T,
                        T + "GRANT SELECT ON accounts TO ${reader};").roles("reader").expect(GRANT_PRIVILEGES)
                        .forbid(REVOKE_PRIVILEGES),
                of("grant several privileges, some with grant option", T,
                        T + "GRANT SELECT, INSERT ON accounts TO ${app}; GRANT UPDATE, DELETE ON accounts TO ${app} "
                                + "WITH GRANT OPTION;").roles("app").expect(GRANT_PRIVILEGES),
                of("revoke a table privilege", T + "GRANT SELECT, INSERT ON accounts TO ${app};",
                        T + "GRANT SELECT ON accounts TO ${app};").roles("app").expect(REVOKE_PRIVILEGES)
                        .forbid(GRANT_PRIVILEGES),
                of("revoke every privilege of a role", T + "GRANT ALL ON accounts TO ${app};", T).roles("app")
                        .expect(REVOKE_PRIVILEGES),
                of("swap privileges of a role", T + "GRANT SELECT, INSERT ON accounts TO ${app};",
                        T + "GRANT SELECT, UPDATE ON accounts TO ${app};").roles("app")
                        .expect(GRANT_PRIVILEGES, REVOKE_PRIVILEGES),
                of("add the grant option to a held privilege", T + "GRANT SELECT ON accounts TO ${app};",
                        T + "GRANT SELECT ON accounts TO ${app} WITH GRANT OPTION;").roles("app")
                        .expect(GRANT_PRIVILEGES).forbid(REVOKE_PRIVILEGES),
                of("take back only the grant option", T + "GRANT SELECT ON accounts TO ${app} WITH GRANT OPTION;",
                        T + "GRANT SELECT ON accounts TO ${app};").roles("app").expect(REVOKE_PRIVILEGES)
                        .forbid(GRANT_PRIVILEGES),
                of("move a privilege from one role to another", T + "GRANT SELECT ON accounts TO ${old_app};",
                        T + "GRANT SELECT ON accounts TO ${new_app};").roles("old_app", "new_app")
                        .expect(GRANT_PRIVILEGES, REVOKE_PRIVILEGES),
                of("grant a column privilege", T,
                        T + "GRANT SELECT (id, email), UPDATE (name) ON accounts TO ${support};").roles("support")
                        .expect(GRANT_PRIVILEGES),
                of("revoke a column privilege", T + "GRANT SELECT (id, email), UPDATE (name) ON accounts TO ${support};",
                        T + "GRANT SELECT (id, email) ON accounts TO ${support};").roles("support")
                        .expect(REVOKE_PRIVILEGES),
                of("grant on a new column", T,
                        "CREATE TABLE accounts (id bigint PRIMARY KEY, email text NOT NULL, name text, phone text);"
                                + "GRANT UPDATE (phone) ON accounts TO ${support};").roles("support")
                        .expect(ADD_COLUMN, GRANT_PRIVILEGES),
                of("a column grant goes with its dropped column",
                        T + "GRANT SELECT (name) ON accounts TO ${support};",
                        "CREATE TABLE accounts (id bigint PRIMARY KEY, email text NOT NULL);").roles("support")
                        .drop(DropStrategy.HARD).expect(DROP_COLUMN).forbid(REVOKE_PRIVILEGES),
                of("a column grant follows a renamed column",
                        T + "GRANT UPDATE (name) ON accounts TO ${support};",
                        "CREATE TABLE accounts (id bigint PRIMARY KEY, email text NOT NULL, full_name text);"
                                + "GRANT UPDATE (full_name) ON accounts TO ${support};").roles("support")
                        .rename("accounts.name=accounts.full_name").expect(RENAME_COLUMN)
                        .forbid(GRANT_PRIVILEGES, REVOKE_PRIVILEGES),
                of("grant to PUBLIC and revoke from PUBLIC",
                        T + "CREATE TABLE audit (id int); GRANT SELECT ON audit TO PUBLIC;",
                        T + "CREATE TABLE audit (id int); GRANT SELECT ON accounts TO PUBLIC;")
                        .expect(GRANT_PRIVILEGES, REVOKE_PRIVILEGES),
                of("create a table with its grants", "",
                        T + "GRANT SELECT, INSERT, UPDATE ON accounts TO ${app}; GRANT SELECT (id) ON accounts TO ${audit};")
                        .roles("app", "audit").expect(CREATE_TABLE, GRANT_PRIVILEGES),
                of("drop a table with grants: nothing to revoke", T + "CREATE TABLE legacy (id int);"
                                + "GRANT SELECT ON legacy TO ${app};", T).roles("app").drop(DropStrategy.HARD)
                        .expect(DROP_TABLE).forbid(REVOKE_PRIVILEGES),
                of("soft-drop a table with grants", T + "CREATE TABLE legacy (id int); GRANT SELECT ON legacy TO ${app};",
                        T).roles("app").expect(SOFT_DROP_TABLE).forbid(REVOKE_PRIVILEGES),
                of("grants follow a renamed table", T + "GRANT SELECT ON accounts TO ${app};",
                        "CREATE TABLE customers (id bigint PRIMARY KEY, email text NOT NULL, name text);"
                                + "GRANT SELECT ON customers TO ${app};").roles("app")
                        .rename("accounts=customers").expect(RENAME_TABLE).forbid(GRANT_PRIVILEGES, REVOKE_PRIVILEGES),
                // ------------------------------------------------------------------ sequence and schema grants
                of("grant USAGE on a sequence", T + "CREATE SEQUENCE invoice_no;",
                        T + "CREATE SEQUENCE invoice_no; GRANT USAGE, SELECT ON SEQUENCE invoice_no TO ${app};")
                        .roles("app").expect(GRANT_PRIVILEGES),
                of("revoke UPDATE on a sequence",
                        T + "CREATE SEQUENCE invoice_no; GRANT USAGE, UPDATE ON SEQUENCE invoice_no TO ${app};",
                        T + "CREATE SEQUENCE invoice_no; GRANT USAGE ON SEQUENCE invoice_no TO ${app};").roles("app")
                        .expect(REVOKE_PRIVILEGES),
                of("grant on a serial column's sequence", T,
                        T + "CREATE TABLE events (id serial PRIMARY KEY, body text);"
                                + "GRANT INSERT ON events TO ${app}; GRANT USAGE ON SEQUENCE events_id_seq TO ${app};")
                        .roles("app").expect(CREATE_TABLE, GRANT_PRIVILEGES),
                of("grant USAGE on an existing schema", "CREATE SCHEMA billing; CREATE TABLE billing.invoices (id int);",
                        "CREATE SCHEMA billing; CREATE TABLE billing.invoices (id int);"
                                + "GRANT USAGE ON SCHEMA billing TO ${app}; GRANT SELECT ON billing.invoices TO ${app};")
                        .roles("app").schemas("public", "billing").expect(GRANT_PRIVILEGES),
                of("create a schema with its comment, grants and a table", T,
                        T + "CREATE SCHEMA reporting; COMMENT ON SCHEMA reporting IS 'read models';"
                                + "GRANT USAGE ON SCHEMA reporting TO ${analyst}; CREATE TABLE reporting.daily (day date);"
                                + "GRANT SELECT ON reporting.daily TO ${analyst};")
                        .roles("analyst").schemas("public", "reporting")
                        .expect(CREATE_SCHEMA, CREATE_TABLE, GRANT_PRIVILEGES, SET_COMMENT),
                of("drop an empty schema with a comment and grants",
                        T + "CREATE SCHEMA scratch; COMMENT ON SCHEMA scratch IS 'temporary';"
                                + "GRANT USAGE, CREATE ON SCHEMA scratch TO ${app};", T)
                        .roles("app").schemas("public", "scratch").expect(DROP_SCHEMA)
                        .forbid(REVOKE_PRIVILEGES, SET_COMMENT),
                of("hard-drop a schema with a granted table",
                        T + "CREATE SCHEMA old; CREATE TABLE old.t (id int); GRANT USAGE ON SCHEMA old TO ${app};"
                                + "GRANT SELECT ON old.t TO ${app};", T)
                        .roles("app").schemas("public", "old").drop(DropStrategy.HARD).expect(DROP_TABLE, DROP_SCHEMA)
                        .forbid(REVOKE_PRIVILEGES),
                // ------------------------------------------------------------------ default privileges
                of("grant SELECT on future tables by default", T,
                        T + "ALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO ${reader};").roles("reader")
                        .expect(ALTER_DEFAULT_PRIVILEGES),
                of("change default privileges in one schema and stop others",
                        T + "ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE ON SEQUENCES TO ${app};"
                                + "ALTER DEFAULT PRIVILEGES GRANT EXECUTE ON FUNCTIONS TO ${app};",
                        T + "ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${app};")
                        .roles("app").expect(ALTER_DEFAULT_PRIVILEGES),
                of("default privileges on schemas and types, with grant option", T,
                        T + "ALTER DEFAULT PRIVILEGES GRANT USAGE ON SCHEMAS TO ${app} WITH GRANT OPTION;"
                                + "ALTER DEFAULT PRIVILEGES GRANT USAGE ON TYPES TO ${app};").roles("app")
                        .expect(ALTER_DEFAULT_PRIVILEGES),
                of("default privileges with a new schema and its table", T,
                        T + "CREATE SCHEMA reports; ALTER DEFAULT PRIVILEGES IN SCHEMA reports GRANT SELECT ON TABLES "
                                + "TO ${analyst}; CREATE TABLE reports.daily (day date);"
                                + "GRANT SELECT ON reports.daily TO ${analyst};").roles("analyst")
                        .schemas("public", "reports").expect(CREATE_SCHEMA, ALTER_DEFAULT_PRIVILEGES, GRANT_PRIVILEGES),
                of("a table created under default privileges it does not declare",
                        T + "ALTER DEFAULT PRIVILEGES GRANT SELECT, INSERT ON TABLES TO ${app};",
                        T + "ALTER DEFAULT PRIVILEGES GRANT SELECT, INSERT ON TABLES TO ${app};"
                                + "CREATE TABLE notes (id serial PRIMARY KEY, body text); REVOKE INSERT ON notes FROM ${app};")
                        .roles("app").expect(CREATE_TABLE, REVOKE_PRIVILEGES).forbid(ALTER_DEFAULT_PRIVILEGES),
                // ------------------------------------------------------------------ built-in default privileges revoked
                of("revoke PUBLIC's built-in EXECUTE on new functions by default", T,
                        T + "ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;").roles("app")
                        .expect(ALTER_DEFAULT_PRIVILEGES).forbid(REVOKE_PRIVILEGES, GRANT_PRIVILEGES)
                        .after(LATER).check(LATER_EXECUTABLE_BY_APP, 0),
                of("give PUBLIC's built-in EXECUTE on new functions back",
                        T + "ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON ROUTINES FROM PUBLIC;", T).roles("app")
                        .expect(ALTER_DEFAULT_PRIVILEGES).forbid(REVOKE_PRIVILEGES, GRANT_PRIVILEGES)
                        .after(LATER).check(LATER_EXECUTABLE_BY_APP, 1),
                of("revoke PUBLIC's built-in USAGE on new types by default", T,
                        T + "ALTER DEFAULT PRIVILEGES REVOKE USAGE ON TYPES FROM PUBLIC;").roles("app")
                        .expect(ALTER_DEFAULT_PRIVILEGES)
                        .after("CREATE TYPE later_mood AS ENUM ('ok');")
                        .check("SELECT count(*) WHERE has_type_privilege('${app}'::regrole, 'later_mood', 'USAGE')", 0),
                of("revoke the migration role's own privileges on new tables", T,
                        T + "ALTER DEFAULT PRIVILEGES REVOKE DELETE, TRUNCATE ON TABLES FROM CURRENT_USER;")
                        .expect(ALTER_DEFAULT_PRIVILEGES).forbid(REVOKE_PRIVILEGES)
                        .after("CREATE TABLE later_notes (id int);")
                        // the owner's own ACL entries (has_table_privilege is always true for a superuser)
                        .check("SELECT count(*) FROM pg_class WHERE relname = 'later_notes' AND relacl IS NOT NULL "
                                + "AND NOT EXISTS (SELECT 1 FROM aclexplode(relacl) a WHERE a.grantee = relowner "
                                + "AND a.privilege_type IN ('DELETE', 'TRUNCATE'))", 1),
                of("give the migration role its own privileges on new schemas and sequences back",
                        T + "ALTER DEFAULT PRIVILEGES REVOKE ALL ON SCHEMAS FROM CURRENT_USER;"
                                + "ALTER DEFAULT PRIVILEGES REVOKE UPDATE ON SEQUENCES FROM CURRENT_USER;",
                        T + "ALTER DEFAULT PRIVILEGES REVOKE USAGE ON SCHEMAS FROM CURRENT_USER;")
                        .expect(ALTER_DEFAULT_PRIVILEGES).forbid(REVOKE_PRIVILEGES, GRANT_PRIVILEGES),
                of("revoke PUBLIC's EXECUTE by default, then a new function", T,
                        T + "ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;" + F).roles("app")
                        .expect(ALTER_DEFAULT_PRIVILEGES, CREATE_FUNCTION, REVOKE_PRIVILEGES).forbid(GRANT_PRIVILEGES)
                        .check("SELECT count(*) WHERE has_function_privilege('${app}'::regrole, 'add_one(integer)', 'EXECUTE')", 0),
                of("a new function, then PUBLIC's EXECUTE revoked by default: it keeps it", T,
                        T + F + "ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;").roles("app")
                        .expect(ALTER_DEFAULT_PRIVILEGES, CREATE_FUNCTION).forbid(REVOKE_PRIVILEGES, GRANT_PRIVILEGES)
                        .check("SELECT count(*) WHERE has_function_privilege('${app}'::regrole, 'add_one(integer)', 'EXECUTE')", 1),
                of("a new function under a live revoke of PUBLIC's EXECUTE needs no revoke",
                        T + "ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;",
                        T + "ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;" + F)
                        .expect(CREATE_FUNCTION).forbid(ALTER_DEFAULT_PRIVILEGES, REVOKE_PRIVILEGES, GRANT_PRIVILEGES),
                of("PUBLIC's EXECUTE given back by default while a new function keeps it revoked",
                        T + "ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;",
                        T + F + "REVOKE EXECUTE ON FUNCTION add_one(integer) FROM PUBLIC;")
                        .expect(CREATE_FUNCTION, ALTER_DEFAULT_PRIVILEGES).forbid(REVOKE_PRIVILEGES, GRANT_PRIVILEGES),
                of("PUBLIC's EXECUTE revoked in one schema only changes nothing", T,
                        T + "ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;")
                        .forbid(ALTER_DEFAULT_PRIVILEGES),
                of("PUBLIC's EXECUTE revoked for every schema and granted in one", T,
                        T + "ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;"
                                + "ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT EXECUTE ON FUNCTIONS TO PUBLIC;" + F)
                        .expect(ALTER_DEFAULT_PRIVILEGES, CREATE_FUNCTION).forbid(REVOKE_PRIVILEGES, GRANT_PRIVILEGES),
                // ------------------------------------------------------------------ comments on other kinds
                of("add, change and remove comments on indexes",
                        T + "CREATE INDEX accounts_email_idx ON accounts (email); CREATE INDEX accounts_name_idx ON "
                                + "accounts (name); COMMENT ON INDEX accounts_name_idx IS 'old';"
                                + "CREATE INDEX accounts_id_name_idx ON accounts (id, name);"
                                + "COMMENT ON INDEX accounts_id_name_idx IS 'gone';",
                        T + "CREATE INDEX accounts_email_idx ON accounts (email); CREATE INDEX accounts_name_idx ON "
                                + "accounts (name); COMMENT ON INDEX accounts_email_idx IS 'login lookups';"
                                + "COMMENT ON INDEX accounts_name_idx IS 'new';"
                                + "CREATE INDEX accounts_id_name_idx ON accounts (id, name);")
                        .expect(SET_COMMENT).forbid(DROP_INDEX, ADD_INDEX),
                of("comment on a new index", T,
                        T + "CREATE INDEX accounts_email_idx ON accounts (email);"
                                + "COMMENT ON INDEX accounts_email_idx IS 'login lookups';").expect(ADD_INDEX, SET_COMMENT),
                of("a commented index whose definition changes keeps its comment",
                        T + "CREATE INDEX accounts_email_idx ON accounts (email);"
                                + "COMMENT ON INDEX accounts_email_idx IS 'login lookups';",
                        T + "CREATE INDEX accounts_email_idx ON accounts (lower(email));"
                                + "COMMENT ON INDEX accounts_email_idx IS 'login lookups';")
                        .expect(DROP_INDEX, ADD_INDEX, SET_COMMENT),
                of("comments on constraints",
                        T + "ALTER TABLE accounts ADD CONSTRAINT accounts_email_key UNIQUE (email);"
                                + "ALTER TABLE accounts ADD CONSTRAINT email_shape CHECK (email LIKE '%@%');"
                                + "COMMENT ON CONSTRAINT email_shape ON accounts IS 'old';",
                        T + "ALTER TABLE accounts ADD CONSTRAINT accounts_email_key UNIQUE (email);"
                                + "ALTER TABLE accounts ADD CONSTRAINT email_shape CHECK (email LIKE '%@%');"
                                + "COMMENT ON CONSTRAINT accounts_email_key ON accounts IS 'one account per address';"
                                + "COMMENT ON CONSTRAINT accounts_pkey ON accounts IS 'surrogate';")
                        .expect(SET_COMMENT),
                of("comment on a new foreign key", T + "CREATE TABLE orders (id int PRIMARY KEY, account_id bigint);",
                        T + "CREATE TABLE orders (id int PRIMARY KEY, account_id bigint, CONSTRAINT orders_account_fk "
                                + "FOREIGN KEY (account_id) REFERENCES accounts);"
                                + "COMMENT ON CONSTRAINT orders_account_fk ON orders IS 'owner';")
                        .expect(ADD_FOREIGN_KEY, SET_COMMENT),
                of("a commented check whose expression changes keeps its comment",
                        T + "ALTER TABLE accounts ADD CONSTRAINT email_shape CHECK (email LIKE '%@%');"
                                + "COMMENT ON CONSTRAINT email_shape ON accounts IS 'an address';",
                        T + "ALTER TABLE accounts ADD CONSTRAINT email_shape CHECK (email LIKE '%_@_%');"
                                + "COMMENT ON CONSTRAINT email_shape ON accounts IS 'an address';")
                        .expect(DROP_CHECK_CONSTRAINT, ADD_CHECK_CONSTRAINT, SET_COMMENT),
                of("comments on sequences", T + "CREATE SEQUENCE invoice_no; CREATE SEQUENCE ticket_no;"
                                + "COMMENT ON SEQUENCE ticket_no IS 'old';",
                        T + "CREATE SEQUENCE invoice_no; COMMENT ON SEQUENCE invoice_no IS 'invoice numbers, no gaps "
                                + "promised'; CREATE SEQUENCE ticket_no;").expect(SET_COMMENT),
                of("comment on an existing schema", "CREATE SCHEMA billing; CREATE TABLE billing.t (id int);",
                        "CREATE SCHEMA billing; CREATE TABLE billing.t (id int); COMMENT ON SCHEMA billing IS 'money';")
                        .schemas("public", "billing").expect(SET_COMMENT),
                of("comment on the public schema", T, T + "COMMENT ON SCHEMA public IS 'the application';")
                        .expect(SET_COMMENT),
                // ------------------------------------------------------------------ storage
                of("set a table's fillfactor", T, T + "ALTER TABLE accounts SET (fillfactor = 70);")
                        .expect(SET_STORAGE_PARAMETERS),
                of("change and reset autovacuum and TOAST parameters",
                        T + "ALTER TABLE accounts SET (autovacuum_vacuum_scale_factor = 0.2, autovacuum_enabled = false,"
                                + " toast.autovacuum_enabled = false);",
                        T + "ALTER TABLE accounts SET (autovacuum_vacuum_scale_factor = 0.05, "
                                + "toast.autovacuum_vacuum_threshold = 100);")
                        .expect(SET_STORAGE_PARAMETERS),
                of("create a table with storage parameters", "",
                        "CREATE TABLE hot (id int PRIMARY KEY, n int) WITH (fillfactor = 80, autovacuum_enabled = true);")
                        .expect(CREATE_TABLE).forbid(SET_STORAGE_PARAMETERS),
                of("make a logged table unlogged", T + "CREATE TABLE sessions (id uuid PRIMARY KEY, data jsonb);",
                        T + "CREATE UNLOGGED TABLE sessions (id uuid PRIMARY KEY, data jsonb);")
                        .data("INSERT INTO sessions SELECT gen_random_uuid(), '{}' FROM generate_series(1, 20);")
                        .check("SELECT count(*) FROM sessions", 20).expect(SET_PERSISTENCE),
                of("make an unlogged table logged with a new column and fillfactor",
                        T + "CREATE UNLOGGED TABLE sessions (id uuid PRIMARY KEY, data jsonb);",
                        T + "CREATE TABLE sessions (id uuid PRIMARY KEY, data jsonb, seen timestamptz) "
                                + "WITH (fillfactor = 90);")
                        .expect(SET_PERSISTENCE, ADD_COLUMN, SET_STORAGE_PARAMETERS),
                // ------------------------------------------------------------------ routine grants
                of("grant EXECUTE on a function to a role", T + F,
                        T + F + "GRANT EXECUTE ON FUNCTION add_one(integer) TO ${app};").roles("app")
                        .expect(GRANT_PRIVILEGES).forbid(REVOKE_PRIVILEGES),
                of("take PUBLIC's built-in EXECUTE away from a function", T + F,
                        T + F + "REVOKE EXECUTE ON FUNCTION add_one(integer) FROM PUBLIC;")
                        .expect(REVOKE_PRIVILEGES).forbid(GRANT_PRIVILEGES),
                of("give EXECUTE back to PUBLIC", T + F + "REVOKE EXECUTE ON FUNCTION add_one(integer) FROM PUBLIC;",
                        T + F).expect(GRANT_PRIVILEGES).forbid(REVOKE_PRIVILEGES),
                of("a new function keeps PUBLIC's EXECUTE: nothing to grant", T, T + F)
                        .expect(CREATE_FUNCTION).forbid(GRANT_PRIVILEGES, REVOKE_PRIVILEGES),
                of("a new function only a role may call", T,
                        T + F + "REVOKE ALL ON FUNCTION add_one(integer) FROM PUBLIC;"
                                + "GRANT EXECUTE ON FUNCTION add_one(integer) TO ${app};").roles("app")
                        .expect(CREATE_FUNCTION, REVOKE_PRIVILEGES, GRANT_PRIVILEGES),
                of("revoke EXECUTE on a function from a role", T + F
                                + "GRANT EXECUTE ON FUNCTION add_one(integer) TO ${app} WITH GRANT OPTION;", T + F)
                        .roles("app").expect(REVOKE_PRIVILEGES).forbid(GRANT_PRIVILEGES),
                of("procedure grants: PUBLIC out, a role in with grant option", T + P,
                        T + P + "REVOKE EXECUTE ON PROCEDURE touch_accounts() FROM PUBLIC;"
                                + "GRANT EXECUTE ON PROCEDURE touch_accounts() TO ${app} WITH GRANT OPTION;")
                        .roles("app").expect(REVOKE_PRIVILEGES, GRANT_PRIVILEGES),
                of("one overload granted, the other left alone",
                        T + F + "CREATE FUNCTION add_one(i bigint) RETURNS bigint LANGUAGE sql AS 'SELECT i + 1';",
                        T + F + "CREATE FUNCTION add_one(i bigint) RETURNS bigint LANGUAGE sql AS 'SELECT i + 1';"
                                + "REVOKE EXECUTE ON FUNCTION add_one(bigint) FROM PUBLIC;"
                                + "GRANT EXECUTE ON FUNCTION add_one(bigint) TO ${app};").roles("app")
                        .expect(REVOKE_PRIVILEGES, GRANT_PRIVILEGES),
                of("a function replaced in place keeps its grants",
                        T + F + "REVOKE EXECUTE ON FUNCTION add_one(integer) FROM PUBLIC;"
                                + "GRANT EXECUTE ON FUNCTION add_one(integer) TO ${app};",
                        T + "CREATE FUNCTION add_one(i integer) RETURNS integer LANGUAGE sql IMMUTABLE AS 'SELECT i + 2';"
                                + "REVOKE EXECUTE ON FUNCTION add_one(integer) FROM PUBLIC;"
                                + "GRANT EXECUTE ON FUNCTION add_one(integer) TO ${app};").roles("app")
                        .expect(REPLACE_FUNCTION).forbid(GRANT_PRIVILEGES, REVOKE_PRIVILEGES),
                of("a function dropped and created again gets its grants again",
                        T + F + "REVOKE EXECUTE ON FUNCTION add_one(integer) FROM PUBLIC;"
                                + "GRANT EXECUTE ON FUNCTION add_one(integer) TO ${app};",
                        T + "CREATE FUNCTION add_one(i integer) RETURNS bigint LANGUAGE sql IMMUTABLE AS 'SELECT i + 1';"
                                + "REVOKE EXECUTE ON FUNCTION add_one(integer) FROM PUBLIC;"
                                + "GRANT EXECUTE ON FUNCTION add_one(integer) TO ${app};").roles("app")
                        .expect(DROP_FUNCTION, CREATE_FUNCTION, REVOKE_PRIVILEGES, GRANT_PRIVILEGES),
                of("a dropped function's grants go with it",
                        T + F + "GRANT EXECUTE ON FUNCTION add_one(integer) TO ${app};", T).roles("app")
                        .expect(DROP_FUNCTION).forbid(REVOKE_PRIVILEGES),
                of("default privileges on functions, then a new function", T,
                        T + "ALTER DEFAULT PRIVILEGES GRANT EXECUTE ON FUNCTIONS TO ${app};" + F).roles("app")
                        .expect(ALTER_DEFAULT_PRIVILEGES, CREATE_FUNCTION, GRANT_PRIVILEGES),
                of("a new function under the live default privileges needs no grant",
                        T + "ALTER DEFAULT PRIVILEGES GRANT EXECUTE ON FUNCTIONS TO ${app};",
                        T + "ALTER DEFAULT PRIVILEGES GRANT EXECUTE ON FUNCTIONS TO ${app};" + F).roles("app")
                        .expect(CREATE_FUNCTION).forbid(GRANT_PRIVILEGES, REVOKE_PRIVILEGES),
                of("a new column and a function over it granted to a role", T,
                        "CREATE TABLE accounts (id bigint PRIMARY KEY, email text NOT NULL, name text, credit int);"
                                + "CREATE FUNCTION credit_of(a accounts) RETURNS int LANGUAGE sql STABLE "
                                + "AS 'SELECT a.credit';"
                                + "REVOKE EXECUTE ON FUNCTION credit_of(accounts) FROM PUBLIC;"
                                + "GRANT EXECUTE ON FUNCTION credit_of(accounts) TO ${app};").roles("app")
                        .expect(ADD_COLUMN, CREATE_FUNCTION, REVOKE_PRIVILEGES, GRANT_PRIVILEGES),
                // ------------------------------------------------------------------ all together
                of("a new table with storage, comments on its index and key, and grants", T,
                        T + "CREATE TABLE ledger (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, "
                                + "account_id bigint REFERENCES accounts, amount numeric(12,2)) WITH (fillfactor = 90);"
                                + "CREATE INDEX ledger_account_idx ON ledger (account_id);"
                                + "COMMENT ON INDEX ledger_account_idx IS 'per-account statements';"
                                + "COMMENT ON CONSTRAINT ledger_pkey ON ledger IS 'entry number';"
                                + "GRANT SELECT, INSERT ON ledger TO ${app}; GRANT SELECT ON ledger TO ${audit};")
                        .roles("app", "audit").expect(CREATE_TABLE, ADD_INDEX, ADD_FOREIGN_KEY, SET_COMMENT,
                                GRANT_PRIVILEGES));
    }
}
