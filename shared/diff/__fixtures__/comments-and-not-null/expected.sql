-- tables
COMMENT ON TABLE public.orders IS 'Placed orders';
-- columns
--   may-fail-on-existing-data: public.orders.customer_id becomes NOT NULL: fails if a row holds NULL
--   locks-table: SET NOT NULL scans public.orders under lock
ALTER TABLE public.orders ALTER COLUMN customer_id SET NOT NULL;
-- columns
COMMENT ON COLUMN public.orders.customer_id IS 'who ordered';
-- constraints
--   may-fail-on-existing-data: check orders_total_check on public.orders: fails if existing rows violate it
--   locks-table: adding check orders_total_check on public.orders scans the table under lock
ALTER TABLE public.orders ADD CONSTRAINT orders_total_check CHECK (total >= 0);
