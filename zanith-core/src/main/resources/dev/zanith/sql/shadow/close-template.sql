-- A finished shadow template takes no connections: nothing can change it after it was built; copies still can be made.
ALTER DATABASE ${database} WITH ALLOW_CONNECTIONS false
