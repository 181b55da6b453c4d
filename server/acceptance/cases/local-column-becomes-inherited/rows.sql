INSERT INTO base VALUES (1);
INSERT INTO child VALUES (2, 'kept', 'x');
