CREATE TABLE t (id int PRIMARY KEY, a varchar(10), b varchar(40), c text);
