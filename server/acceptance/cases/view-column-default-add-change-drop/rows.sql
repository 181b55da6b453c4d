INSERT INTO orders (id, total) VALUES (1, 5.50), (2, 7.25);
INSERT INTO open_orders (id) VALUES (3);
