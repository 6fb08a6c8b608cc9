-- A temporary shadow database: empty (template0, never template1, which may carry an administrator's extras).
CREATE DATABASE ${database} TEMPLATE template0
