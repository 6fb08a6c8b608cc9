-- Limits for everything the planner runs in its transaction (LOCAL: they end with it), and the session facts
-- the risk model needs. Parameters: statement timeout (ms), lock timeout (ms).
SELECT set_config('statement_timeout', ?, true) AS statement_timeout,
       set_config('lock_timeout', ?, true)      AS lock_timeout,
       current_setting('transaction_read_only') AS read_only,
       current_setting('TimeZone')              AS time_zone
