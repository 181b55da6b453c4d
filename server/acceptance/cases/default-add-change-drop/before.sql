CREATE TABLE t (id int PRIMARY KEY, a int DEFAULT 1, b text DEFAULT 'x', c int);
