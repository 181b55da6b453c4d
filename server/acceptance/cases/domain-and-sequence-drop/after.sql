CREATE TABLE t (id int PRIMARY KEY, p int, n bigint);
