CREATE TABLE t (a int);
COMMENT ON TABLE t IS 'a; b';
COMMENT ON COLUMN t.a IS $$it's$$;
