INSERT INTO customers VALUES (1, 'a@x', '30'), (2, 'b@x', '41');
INSERT INTO orders VALUES (10, 1, 5.50), (11, 2, 7.25), (12, 1, 1.00);
