-- Event triggers owned by the connected role (they are database-wide: another role's are not the migration's to
-- change) whose function lives in an introspected schema, not an extension's. evtenabled: O origin, D disabled,
-- R replica, A always. Parameter: schema names (text[]).
SELECT e.evtname AS trigger_name,
       e.evtevent AS event,
       coalesce(e.evttags, ARRAY[]::text[]) AS tags,
       e.evtfoid::pg_catalog.regprocedure::text AS function_signature,
       e.evtenabled::text AS enabled
FROM pg_catalog.pg_event_trigger e
JOIN pg_catalog.pg_proc p ON p.oid = e.evtfoid
JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
WHERE n.nspname = ANY (?::text[])
  AND e.evtowner = (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = current_user)
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                  WHERE d.classid = 'pg_catalog.pg_event_trigger'::regclass AND d.objid = e.oid AND d.deptype = 'e')
ORDER BY e.evtname
