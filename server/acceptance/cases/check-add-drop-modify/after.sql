CREATE TABLE t (id int PRIMARY KEY, a int, b int CONSTRAINT b_small CHECK (b < 1000), CONSTRAINT a_b CHECK (a <> b));
