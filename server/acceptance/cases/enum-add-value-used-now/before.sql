CREATE TYPE status AS ENUM ('new', 'paid', 'shipped');
CREATE TABLE o (id int PRIMARY KEY, s status NOT NULL DEFAULT 'new', history status[]);
