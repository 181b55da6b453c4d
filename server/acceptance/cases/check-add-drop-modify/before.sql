CREATE TABLE t (id int PRIMARY KEY, a int CHECK (a > 0), b int CONSTRAINT b_small CHECK (b < 100));
