CREATE TABLE customers (id bigint PRIMARY KEY, email text NOT NULL, age text);
CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint REFERENCES customers (id), total numeric(10,2));
CREATE TYPE kind AS ENUM ('a', 'b');
CREATE TABLE tags (id int PRIMARY KEY, k kind);
