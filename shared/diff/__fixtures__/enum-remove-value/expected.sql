-- types
ALTER TYPE public.order_status RENAME TO order_status__old;
CREATE TYPE public.order_status AS ENUM ('new', 'shipped');
-- columns
--   rewrites-table: public.orders.status is converted to the new public.order_status
--   may-fail-on-existing-data: public.orders.status: rows holding 'paid' cannot convert
--   locks-table: converting public.orders.status locks public.orders
ALTER TABLE public.orders ALTER COLUMN status DROP DEFAULT;
ALTER TABLE public.orders ALTER COLUMN status TYPE public.order_status USING status::text::public.order_status;
ALTER TABLE public.orders ALTER COLUMN status SET DEFAULT 'new'::order_status;
-- post
DROP TYPE public.order_status__old;
