-- PostgreSQL-only syntax in defaults, checks and indexes, and a sequence two tables draw on: what the MySQL and SQLite exports must translate or leave out with a warning (never emit SQL the engine refuses).
CREATE TABLE t (
  id int PRIMARY KEY,
  email text CHECK (email ~* '^[^@]+@[^@]+$'),
  code text CHECK (code ILIKE 'a%'),
  kind text CHECK (kind = ANY (ARRAY['a'::text, 'b'::text])),
  at timestamptz DEFAULT (now() AT TIME ZONE 'utc'),
  d date DEFAULT CURRENT_DATE CHECK (d > date_trunc('day', '2000-01-01'::timestamp)),
  n numeric CHECK (n IS DISTINCT FROM 0),
  s text DEFAULT ('x' || 'y'),
  g text GENERATED ALWAYS AS (upper(code) || '-' || kind) STORED,
  b boolean DEFAULT true CHECK (b IS NOT FALSE),
  m numeric CHECK (m IS NOT DISTINCT FROM n OR m > 0),
  paris timestamp DEFAULT (now() AT TIME ZONE 'Europe/Paris') CHECK (paris IS DISTINCT FROM at)
);
CREATE INDEX t_partial ON t (email) WHERE kind IN ('a','b') AND b;
CREATE INDEX t_expr ON t ((lower(email)));
CREATE SEQUENCE s;
CREATE TABLE a (id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY, ticket bigint DEFAULT nextval('s') NOT NULL);
CREATE TABLE b (id int PRIMARY KEY, ticket bigint DEFAULT nextval('s'));
