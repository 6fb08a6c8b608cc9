-- Records a fully applied migration. Parameters: id, checksum, duration_ms, description.
INSERT INTO {migrations} (id, checksum, duration_ms, description) VALUES (?, ?, ?, ?)
