CREATE TABLE orders (id bigint PRIMARY KEY, status text NOT NULL DEFAULT 'new', note text, total numeric(10,2));
CREATE VIEW open_orders AS SELECT id, status, note, total FROM orders WHERE status <> 'closed';
ALTER VIEW open_orders ALTER COLUMN status SET DEFAULT 'open';
ALTER VIEW open_orders ALTER COLUMN note SET DEFAULT 'entered through the view';
COMMENT ON COLUMN open_orders.note IS 'free text';
