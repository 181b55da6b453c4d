CREATE SCHEMA crm;
CREATE TYPE kind AS ENUM ('a', 'b', 'c');
CREATE TABLE crm_customers (id bigint PRIMARY KEY, email text NOT NULL, age int, vip boolean NOT NULL DEFAULT false);
CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint REFERENCES crm_customers (id), total numeric(10,2));
CREATE TABLE tags (id int PRIMARY KEY, k kind, order_id bigint REFERENCES orders (id));
CREATE INDEX ON tags (order_id);
