-- Whether ${table} has a row matching a condition; stops at the first one. Parameters: none.
SELECT EXISTS (SELECT 1 FROM ${table} AS zc WHERE ${condition}) AS holds_data
