-- Resetting a shadow: the empty public schema every database starts with.
CREATE SCHEMA IF NOT EXISTS public
