CREATE TABLE customers (id bigint PRIMARY KEY, email text NOT NULL, age text);
CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint REFERENCES customers (id), total numeric(10,2));
CREATE VIEW order_list AS SELECT o.id, c.email FROM orders o JOIN customers c ON c.id = o.customer_id;
