-- Which of the given parts are stored already. Parameter: hashes (text[]).
SELECT hash FROM {snapshot_parts} WHERE hash = ANY (CAST(? AS text[]))
