CREATE TYPE order_state AS ENUM ('new', 'paid', 'shipped');
CREATE TABLE o (id int PRIMARY KEY, s order_state NOT NULL DEFAULT 'new', history order_state[]);
