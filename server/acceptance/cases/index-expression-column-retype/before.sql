CREATE TABLE t (id int PRIMARY KEY, name varchar(20));
CREATE INDEX t_lower ON t (lower(name));
