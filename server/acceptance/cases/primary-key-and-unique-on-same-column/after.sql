-- Keys of one CREATE TABLE that are the same index are one constraint in PostgreSQL: accounts has its
-- primary key only, and entries' primary key takes the UNIQUE's name. A UNIQUE added by its own
-- statement, or one that differs (DEFERRABLE), is a second constraint: both are kept.
CREATE TABLE accounts (id integer PRIMARY KEY UNIQUE, name text);
CREATE TABLE ledgers (id integer PRIMARY KEY, code text UNIQUE, UNIQUE (id) DEFERRABLE);
ALTER TABLE ledgers ADD UNIQUE (id);
CREATE TABLE entries (id integer, n integer, CONSTRAINT entries_id_once UNIQUE (id), PRIMARY KEY (id));
