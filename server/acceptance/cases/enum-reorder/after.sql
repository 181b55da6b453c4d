CREATE TYPE status AS ENUM ('shipped', 'paid', 'new');
CREATE TABLE o (id int PRIMARY KEY, s status NOT NULL DEFAULT 'new', history status[]);
