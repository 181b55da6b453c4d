CREATE SEQUENCE ticket_no START 100;
CREATE TABLE t (id bigint PRIMARY KEY, no bigint DEFAULT nextval('ticket_no'));
