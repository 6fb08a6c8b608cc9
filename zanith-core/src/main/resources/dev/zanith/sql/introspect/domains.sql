-- Every domain with whether it carries constraints (CHECK or NOT NULL, its own or a base domain's): storing a
-- value in such a domain checks it, so adding a column of it or converting a column to it rewrites the table.
-- base_type is the type under the whole chain of domains, with the modifiers of the domain that names it
-- (format_type spelling: numeric(12,2), character varying(50)).
WITH RECURSIVE chain AS (
    SELECT t.oid AS domain, t.oid AS link, t.typbasetype AS base, t.typtypmod AS typmod, t.typnotnull AS not_null
    FROM pg_catalog.pg_type t WHERE t.typtype = 'd'
    UNION ALL
    SELECT c.domain, b.oid, b.typbasetype, b.typtypmod, b.typnotnull
    FROM chain c JOIN pg_catalog.pg_type b ON b.oid = c.base AND b.typtype = 'd'
)
SELECT n.nspname AS schema_name, t.typname AS domain_name,
       bool_or(c.not_null OR EXISTS (SELECT 1 FROM pg_catalog.pg_constraint k WHERE k.contypid = c.link)) AS constrained,
       max(pg_catalog.format_type(c.base, c.typmod)) FILTER (WHERE NOT EXISTS (
           SELECT 1 FROM pg_catalog.pg_type b WHERE b.oid = c.base AND b.typtype = 'd')) AS base_type
FROM chain c
JOIN pg_catalog.pg_type t ON t.oid = c.domain
JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
GROUP BY n.nspname, t.typname
