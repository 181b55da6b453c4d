CREATE TYPE lvl AS ENUM ('lo', 'hi');
CREATE TABLE j (id int PRIMARY KEY, l text NOT NULL DEFAULT 'lo');
