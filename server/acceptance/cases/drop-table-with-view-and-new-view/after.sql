CREATE TABLE customers (id bigint PRIMARY KEY, email text NOT NULL, age text);
CREATE VIEW emails AS SELECT email FROM customers;
