package dev.zanith.internal.diff;

import dev.zanith.api.DropStrategy;

import java.util.List;

import static dev.zanith.api.ops.OperationKind.*;
import static dev.zanith.internal.diff.AcceptanceCase.of;

/** Acceptance rows for domains, composite and range types, exclusion constraints and extended statistics. */
final class TypeAcceptanceCases {

    private static final String EMAIL = "CREATE DOMAIN email AS text;";
    private static final String USERS = "CREATE TABLE users (id int PRIMARY KEY, email email);";
    private static final String ROWS = "INSERT INTO users VALUES (1, 'a@x.io'), (2, 'b@x.io');";
    private static final String ADDRESS = "CREATE TYPE address AS (street text, zip int);";
    private static final String BOOKINGS = "CREATE TABLE bookings (id int PRIMARY KEY, room int, during tsrange);";

    private TypeAcceptanceCases() {
    }

    static List<AcceptanceCase> all() {
        return List.of(
                // ------------------------------------------------------------------ domains
                of("create a domain with collation, default, NOT NULL and checks used by a new table", "",
                        "CREATE DOMAIN email AS text COLLATE \"C\" DEFAULT 'nobody@x.io' NOT NULL "
                                + "CONSTRAINT email_shape CHECK (VALUE LIKE '%@%') CONSTRAINT email_length CHECK (length(VALUE) < 200);"
                                + USERS)
                        .expect(CREATE_DOMAIN, CREATE_TABLE),
                of("drop a domain no column uses", EMAIL + "CREATE DOMAIN unused AS int;" + USERS, EMAIL + USERS)
                        .expect(DROP_DOMAIN),
                of("a domain gaining a constraint used by a column", EMAIL + USERS,
                        EMAIL + "ALTER DOMAIN email ADD CONSTRAINT email_shape CHECK (VALUE LIKE '%@%');" + USERS)
                        .data(ROWS).expect(ADD_DOMAIN_CONSTRAINT, VALIDATE_DOMAIN_CONSTRAINT)
                        .check("SELECT count(*) FROM pg_constraint WHERE conname = 'email_shape' AND convalidated", 1)
                        .check("SELECT count(*) FROM users", 2),
                of("a domain no column uses gains a constraint in one step", EMAIL,
                        EMAIL + "ALTER DOMAIN email ADD CONSTRAINT email_shape CHECK (VALUE LIKE '%@%');")
                        .expect(ADD_DOMAIN_CONSTRAINT).forbid(VALIDATE_DOMAIN_CONSTRAINT),
                of("a domain losing a constraint",
                        "CREATE DOMAIN email AS text CONSTRAINT email_shape CHECK (VALUE LIKE '%@%');" + USERS,
                        EMAIL + USERS).data(ROWS).expect(DROP_DOMAIN_CONSTRAINT),
                of("a domain constraint changing its expression",
                        "CREATE DOMAIN email AS text CONSTRAINT email_shape CHECK (VALUE LIKE '%@%');" + USERS,
                        "CREATE DOMAIN email AS text CONSTRAINT email_shape CHECK (VALUE LIKE '%@%.%');" + USERS)
                        .data(ROWS).expect(DROP_DOMAIN_CONSTRAINT, ADD_DOMAIN_CONSTRAINT, VALIDATE_DOMAIN_CONSTRAINT),
                of("a domain constraint declared NOT VALID stays NOT VALID", EMAIL + USERS,
                        EMAIL + "ALTER DOMAIN email ADD CONSTRAINT email_shape CHECK (VALUE LIKE '%@%') NOT VALID;" + USERS)
                        .data("INSERT INTO users VALUES (1, 'not an address');")
                        .expect(ADD_DOMAIN_CONSTRAINT).forbid(VALIDATE_DOMAIN_CONSTRAINT),
                of("a NOT VALID domain constraint gets validated",
                        EMAIL + "ALTER DOMAIN email ADD CONSTRAINT email_shape CHECK (VALUE LIKE '%@%') NOT VALID;" + USERS,
                        "CREATE DOMAIN email AS text CONSTRAINT email_shape CHECK (VALUE LIKE '%@%');" + USERS)
                        .data(ROWS).expect(VALIDATE_DOMAIN_CONSTRAINT).forbid(ADD_DOMAIN_CONSTRAINT),
                of("a domain default set, changed and dropped",
                        "CREATE DOMAIN a AS int; CREATE DOMAIN b AS int DEFAULT 1; CREATE DOMAIN c AS text DEFAULT 'x';",
                        "CREATE DOMAIN a AS int DEFAULT 0; CREATE DOMAIN b AS int DEFAULT 2; CREATE DOMAIN c AS text;")
                        .expect(SET_DOMAIN_DEFAULT),
                of("a domain used by a column becomes NOT NULL", EMAIL + USERS,
                        "CREATE DOMAIN email AS text NOT NULL;" + USERS).data(ROWS).expect(SET_DOMAIN_NOT_NULL),
                of("a domain drops NOT NULL", "CREATE DOMAIN email AS text NOT NULL;" + USERS, EMAIL + USERS)
                        .data(ROWS).expect(SET_DOMAIN_NOT_NULL),
                of("a domain over a new domain is created after it", "",
                        "CREATE DOMAIN amount AS numeric(12,2); CREATE DOMAIN positive_amount AS amount CHECK (VALUE > 0);"
                                + "CREATE TABLE orders (id int, total positive_amount);")
                        .expect(CREATE_DOMAIN, CREATE_TABLE),
                of("a domain no column uses changes its base type", "CREATE DOMAIN code AS varchar(10);",
                        "CREATE DOMAIN code AS varchar(20);").expect(DROP_DOMAIN, CREATE_DOMAIN),
                of("a column converted to a new domain with a check",
                        "CREATE TABLE orders (id int, total numeric);",
                        "CREATE DOMAIN positive AS numeric CHECK (VALUE > 0); CREATE TABLE orders (id int, total positive);")
                        .data("INSERT INTO orders VALUES (1, 5), (2, 7.5);").expect(CREATE_DOMAIN, ALTER_COLUMN_TYPE)
                        .check("SELECT count(*) FROM orders WHERE total > 0", 2),
                of("a column leaves a domain and the domain is dropped",
                        "CREATE DOMAIN positive AS numeric CHECK (VALUE > 0); CREATE TABLE orders (id int, total positive);",
                        "CREATE TABLE orders (id int, total numeric);")
                        .data("INSERT INTO orders VALUES (1, 5);").expect(ALTER_COLUMN_TYPE, DROP_DOMAIN),
                of("a domain in another schema used by a table in public", "CREATE TABLE t (id int);",
                        "CREATE SCHEMA kinds; CREATE DOMAIN kinds.code AS text CHECK (VALUE <> '');"
                                + "CREATE TABLE t (id int, code kinds.code);")
                        .schemas("public", "kinds").expect(CREATE_SCHEMA, CREATE_DOMAIN, ADD_COLUMN),
                // ------------------------------------------------------------------ composite types
                of("create a composite type used by a new table", "",
                        ADDRESS + "CREATE TABLE customers (id int, home address, past address[]);")
                        .expect(CREATE_COMPOSITE_TYPE, CREATE_TABLE),
                of("a composite type attribute added while a table uses it",
                        ADDRESS + "CREATE TABLE customers (id int, home address);",
                        "CREATE TYPE address AS (street text, zip int, country text COLLATE \"C\");"
                                + "CREATE TABLE customers (id int, home address);")
                        .data("INSERT INTO customers VALUES (1, ROW('Main St', 12345));")
                        .expect(ADD_TYPE_ATTRIBUTE).forbid(DROP_COMPOSITE_TYPE)
                        .check("SELECT count(*) FROM customers WHERE (home).zip = 12345 AND (home).country IS NULL", 1),
                of("a composite type attribute dropped when no column uses it", ADDRESS,
                        "CREATE TYPE address AS (street text);").expect(DROP_TYPE_ATTRIBUTE),
                of("a composite type's last attribute changes its type", ADDRESS,
                        "CREATE TYPE address AS (street text, zip bigint);")
                        .expect(DROP_TYPE_ATTRIBUTE, ADD_TYPE_ATTRIBUTE),
                of("a composite type's attributes reordered", ADDRESS, "CREATE TYPE address AS (zip int, street text);")
                        .expect(DROP_COMPOSITE_TYPE, CREATE_COMPOSITE_TYPE),
                of("drop a composite type no column uses", ADDRESS + "CREATE TABLE t (id int);", "CREATE TABLE t (id int);")
                        .expect(DROP_COMPOSITE_TYPE),
                of("a composite type with a domain attribute", "",
                        EMAIL + "CREATE TYPE contact AS (name text, email email); CREATE TABLE people (id int, c contact);")
                        .expect(CREATE_DOMAIN, CREATE_COMPOSITE_TYPE, CREATE_TABLE),
                // ------------------------------------------------------------------ range types
                of("create a range type used by a new table", "",
                        "CREATE TYPE floatrange AS RANGE (subtype = float8, subtype_diff = float8mi);"
                                + "CREATE TABLE readings (id int, span floatrange);")
                        .expect(CREATE_RANGE_TYPE, CREATE_TABLE),
                of("a range type no column uses changes its subtype_diff",
                        "CREATE TYPE floatrange AS RANGE (subtype = float8);",
                        "CREATE TYPE floatrange AS RANGE (subtype = float8, subtype_diff = float8mi);")
                        .expect(DROP_RANGE_TYPE, CREATE_RANGE_TYPE),
                of("a range type with a collation and its own multirange name", "",
                        "CREATE TYPE textrange AS RANGE (subtype = text, collation = \"C\", "
                                + "multirange_type_name = textranges);")
                        .expect(CREATE_RANGE_TYPE),
                of("drop a range type", "CREATE TYPE floatrange AS RANGE (subtype = float8); CREATE TABLE t (id int);",
                        "CREATE TABLE t (id int);").expect(DROP_RANGE_TYPE),
                // ------------------------------------------------------------------ exclusion constraints
                of("add an exclusion constraint to a table with rows", BOOKINGS,
                        BOOKINGS + "ALTER TABLE bookings ADD CONSTRAINT bookings_no_overlap EXCLUDE USING gist (during WITH &&);")
                        .data("INSERT INTO bookings VALUES (1, 1, '[2026-01-01,2026-01-02)'), (2, 1, '[2026-01-02,2026-01-03)');")
                        .expect(ADD_EXCLUSION_CONSTRAINT),
                of("drop an exclusion constraint",
                        BOOKINGS + "ALTER TABLE bookings ADD CONSTRAINT bookings_no_overlap EXCLUDE USING gist (during WITH &&);",
                        BOOKINGS).expect(DROP_EXCLUSION_CONSTRAINT),
                of("an exclusion constraint gains a predicate",
                        BOOKINGS + "ALTER TABLE bookings ADD CONSTRAINT bookings_no_overlap EXCLUDE USING gist (during WITH &&);",
                        BOOKINGS + "ALTER TABLE bookings ADD CONSTRAINT bookings_no_overlap EXCLUDE USING gist (during WITH &&)"
                                + " WHERE (room > 0);")
                        .expect(DROP_EXCLUSION_CONSTRAINT, ADD_EXCLUSION_CONSTRAINT),
                of("a new table with a deferrable exclusion constraint on a new range type", "",
                        "CREATE TYPE floatrange AS RANGE (subtype = float8);"
                                + "CREATE TABLE slots (id int, span floatrange, "
                                + "CONSTRAINT slots_no_overlap EXCLUDE USING gist (span WITH &&) DEFERRABLE INITIALLY DEFERRED);")
                        .expect(CREATE_RANGE_TYPE, CREATE_TABLE, ADD_EXCLUSION_CONSTRAINT),
                of("an exclusion constraint on an equality and a range with btree_gist",
                        "CREATE EXTENSION btree_gist;" + BOOKINGS,
                        "CREATE EXTENSION btree_gist;" + BOOKINGS + "ALTER TABLE bookings ADD CONSTRAINT bookings_room_free "
                                + "EXCLUDE USING gist (room WITH =, during WITH &&);")
                        .expect(ADD_EXCLUSION_CONSTRAINT),
                // ------------------------------------------------------------------ extended statistics
                of("create statistics with kinds on columns", "CREATE TABLE addresses (id int, city text, zip text);",
                        "CREATE TABLE addresses (id int, city text, zip text);"
                                + "CREATE STATISTICS addresses_city_zip (ndistinct, dependencies) ON city, zip FROM addresses;")
                        .expect(CREATE_STATISTICS),
                of("create statistics on an expression", "CREATE TABLE addresses (id int, city text, zip text);",
                        "CREATE TABLE addresses (id int, city text, zip text);"
                                + "CREATE STATISTICS addresses_lower_city ON lower(city), zip FROM addresses;")
                        .expect(CREATE_STATISTICS),
                of("statistics change their kinds",
                        "CREATE TABLE addresses (id int, city text, zip text);"
                                + "CREATE STATISTICS addresses_city_zip (ndistinct) ON city, zip FROM addresses;",
                        "CREATE TABLE addresses (id int, city text, zip text);"
                                + "CREATE STATISTICS addresses_city_zip (mcv) ON city, zip FROM addresses;")
                        .expect(DROP_STATISTICS, CREATE_STATISTICS),
                of("drop statistics",
                        "CREATE TABLE addresses (id int, city text, zip text);"
                                + "CREATE STATISTICS addresses_city_zip ON city, zip FROM addresses;",
                        "CREATE TABLE addresses (id int, city text, zip text);").expect(DROP_STATISTICS),
                of("a new table with statistics and an exclusion constraint", "",
                        BOOKINGS + "ALTER TABLE bookings ADD CONSTRAINT bookings_no_overlap EXCLUDE USING gist (during WITH &&);"
                                + "CREATE STATISTICS bookings_room_during ON room, during FROM bookings;")
                        .expect(CREATE_TABLE, ADD_EXCLUSION_CONSTRAINT, CREATE_STATISTICS),
                of("hard-drop a table with statistics and an exclusion constraint",
                        BOOKINGS + "ALTER TABLE bookings ADD CONSTRAINT bookings_no_overlap EXCLUDE USING gist (during WITH &&);"
                                + "CREATE STATISTICS bookings_room_during ON room, during FROM bookings; CREATE TABLE t (id int);",
                        "CREATE TABLE t (id int);").drop(DropStrategy.HARD).expect(DROP_TABLE)
                        .forbid(DROP_STATISTICS, DROP_EXCLUSION_CONSTRAINT));
    }
}
