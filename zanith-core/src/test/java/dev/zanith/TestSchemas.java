package dev.zanith;

/** Schemas shared by tests. */
public final class TestSchemas {

    /** A schema touching every object kind of the graph. */
    public static final String RICH = """
            CREATE EXTENSION IF NOT EXISTS citext;
            CREATE SCHEMA app;
            CREATE TYPE app.status AS ENUM ('new', 'active', 'closed');
            CREATE SEQUENCE app.invoice_numbers START 1000;
            CREATE TABLE app.accounts (
              id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
              email citext NOT NULL UNIQUE,
              "Display Name" text COLLATE "C",
              status app.status NOT NULL DEFAULT 'new',
              created_at timestamptz NOT NULL DEFAULT now(),
              CONSTRAINT email_shape CHECK (position('@' in email) > 1));
            CREATE TABLE app.orders (
              id serial PRIMARY KEY,
              account_id bigint NOT NULL REFERENCES app.accounts ON DELETE CASCADE,
              total numeric(12,2) NOT NULL,
              total_cents bigint GENERATED ALWAYS AS ((total * 100)::bigint) STORED);
            CREATE INDEX orders_account ON app.orders (account_id) INCLUDE (total) WHERE total > 0;
            ALTER TABLE app.orders ENABLE ROW LEVEL SECURITY;
            CREATE POLICY own_orders ON app.orders USING (account_id > 0);
            COMMENT ON TABLE app.orders IS 'customer orders';
            """;

    private TestSchemas() {
    }
}
