INSERT INTO t (id, p) VALUES (1, 3);
