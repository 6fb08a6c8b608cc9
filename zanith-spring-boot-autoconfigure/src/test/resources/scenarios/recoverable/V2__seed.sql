INSERT INTO items (id, name) SELECT g, 'item ' || g FROM generate_series(1, 50) AS g;
