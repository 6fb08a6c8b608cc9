-- Whether the target has Zanith history: a ledger row or a step row of a migration that started. Call only when the
-- tables exist.
SELECT EXISTS (SELECT 1 FROM {migrations}) OR EXISTS (SELECT 1 FROM {steps}) AS present
