CREATE TYPE color AS ENUM ('red');
ALTER TYPE color ADD VALUE 'blue';
CREATE TABLE t (c color);
