CREATE DOMAIN code AS varchar(5);
CREATE TABLE t (id int PRIMARY KEY, c code);
