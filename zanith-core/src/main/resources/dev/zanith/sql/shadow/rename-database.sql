-- A whole shadow template takes its final name in one step (fails if another process finished the same one first).
ALTER DATABASE ${database} RENAME TO ${name}
