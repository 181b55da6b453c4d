CREATE DOMAIN pos AS int CHECK (VALUE > 0);
CREATE SEQUENCE counter;
CREATE TABLE t (id int PRIMARY KEY, p pos, n bigint DEFAULT nextval('counter'));
