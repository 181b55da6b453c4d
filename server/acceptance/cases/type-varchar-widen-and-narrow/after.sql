CREATE TABLE t (id int PRIMARY KEY, a varchar(80), b varchar(20), c varchar(30));
