INSERT INTO orders VALUES (10, 1, 5.50), (11, 2, 7.25), (12, 1, 1.00);
