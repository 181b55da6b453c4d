INSERT INTO u VALUES (1, 'x', 'z');
