INSERT INTO child VALUES (1, 2), (1, 3);
