INSERT INTO orders (id, qty, total) VALUES (1, 2, 5.50), (2, 3, 700.00);
