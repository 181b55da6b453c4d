CREATE TABLE orders (id serial PRIMARY KEY, note text);
CREATE SEQUENCE tickets AS integer;
