CREATE TABLE orders (id bigint PRIMARY KEY, status text NOT NULL DEFAULT 'new', note text, total numeric(10,2));
CREATE VIEW open_orders AS SELECT id, status, note, total FROM orders WHERE status <> 'closed';
-- status: changed; note: dropped (its comment stays); total: added.
ALTER VIEW open_orders ALTER COLUMN status SET DEFAULT 'pending';
ALTER VIEW open_orders ALTER COLUMN total SET DEFAULT 0;
COMMENT ON COLUMN open_orders.note IS 'free text';
