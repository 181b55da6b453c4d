INSERT INTO orders (note) VALUES ('a'), ('b');
SELECT nextval('tickets');
