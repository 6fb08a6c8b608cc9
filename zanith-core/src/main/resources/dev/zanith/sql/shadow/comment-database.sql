-- Names the owner of a temporary shadow database, so that one left behind by a killed process can be traced.
COMMENT ON DATABASE ${database} IS ${comment}
