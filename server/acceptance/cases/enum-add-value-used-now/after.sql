CREATE TYPE status AS ENUM ('new', 'paid', 'shipped', 'lost');
CREATE TABLE o (id int PRIMARY KEY, s status NOT NULL DEFAULT 'lost', history status[]);
