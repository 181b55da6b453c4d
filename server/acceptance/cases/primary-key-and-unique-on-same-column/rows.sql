INSERT INTO accounts VALUES (1, 'a'), (2, 'b');
INSERT INTO ledgers VALUES (1, 'x'), (2, 'y');
INSERT INTO entries VALUES (1, 10);
