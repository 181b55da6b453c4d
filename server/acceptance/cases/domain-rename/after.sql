CREATE DOMAIN quantity AS int CHECK (VALUE >= 0);
CREATE TABLE t (id int PRIMARY KEY, q quantity);
