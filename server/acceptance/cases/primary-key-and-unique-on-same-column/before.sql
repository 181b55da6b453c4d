CREATE TABLE accounts (id integer, name text);
CREATE TABLE ledgers (id integer PRIMARY KEY, code text);
CREATE TABLE entries (id integer, n integer);
