CREATE SEQUENCE ticket_no;
CREATE TABLE t (id bigint PRIMARY KEY DEFAULT nextval('ticket_no'));
