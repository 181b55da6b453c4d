CREATE TABLE customers (id bigint PRIMARY KEY, email text NOT NULL, age text);
CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint REFERENCES customers (id), total numeric(10,2));
CREATE SCHEMA billing;
COMMENT ON SCHEMA billing IS 'Money';
CREATE TABLE billing.invoices (id int PRIMARY KEY, order_id bigint REFERENCES public.orders (id));
