CREATE TYPE status AS ENUM ('draft', 'new', 'paid', 'packed', 'shipped', 'returned');
CREATE TABLE o (id int PRIMARY KEY, s status NOT NULL DEFAULT 'new', history status[]);
