CREATE TABLE t (id int PRIMARY KEY, a int DEFAULT 2, b text, c int DEFAULT 42);
