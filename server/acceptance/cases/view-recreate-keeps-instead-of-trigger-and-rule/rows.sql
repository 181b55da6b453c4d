INSERT INTO items VALUES (1, 'a', 3), (2, 'b', 4);
