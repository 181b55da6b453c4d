CREATE TYPE lvl AS ENUM ('lo', 'hi');
CREATE TABLE j (id int PRIMARY KEY, l lvl NOT NULL DEFAULT 'hi' CHECK (l <> 'lo'));
