-- pre
ALTER TABLE public.orders DROP CONSTRAINT orders_customer_id_fkey;
-- pre
--   deletes-data: drops table public.customers and all its rows
DROP TABLE public.customers;
