CREATE TABLE customers (id bigint PRIMARY KEY, email text NOT NULL, age text);
CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint REFERENCES customers (id), total numeric(10,2));
CREATE FUNCTION twice(x int) RETURNS int LANGUAGE sql IMMUTABLE AS 'SELECT x * 2';
CREATE FUNCTION twice(x text) RETURNS text LANGUAGE sql IMMUTABLE AS 'SELECT x || x';
CREATE FUNCTION rev_match(text, text) RETURNS boolean LANGUAGE sql IMMUTABLE AS 'SELECT $2 ~ $1';
CREATE OPERATOR ~<< (FUNCTION = rev_match, LEFTARG = text, RIGHTARG = text);
CREATE FUNCTION big_orders() RETURNS SETOF orders LANGUAGE sql STABLE AS 'SELECT * FROM orders WHERE total > 5';
CREATE AGGREGATE total_sum(numeric) (SFUNC = numeric_add, STYPE = numeric);
