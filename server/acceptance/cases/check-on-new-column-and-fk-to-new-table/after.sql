CREATE TABLE customers (id bigint PRIMARY KEY, email text NOT NULL, age text);
CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint REFERENCES customers (id), total numeric(10,2), coupon_id int CHECK (coupon_id > 0));
CREATE TABLE coupons (id int PRIMARY KEY);
ALTER TABLE orders ADD FOREIGN KEY (coupon_id) REFERENCES coupons (id);
