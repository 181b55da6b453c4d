CREATE TABLE t (id int PRIMARY KEY, qty bigint NOT NULL);
