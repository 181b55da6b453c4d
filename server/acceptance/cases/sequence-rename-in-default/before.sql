CREATE SEQUENCE ticket;
CREATE TABLE t (id bigint PRIMARY KEY DEFAULT nextval('ticket'));
