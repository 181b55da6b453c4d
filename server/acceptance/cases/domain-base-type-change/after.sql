CREATE DOMAIN code AS text;
CREATE TABLE t (id int PRIMARY KEY, c code);
