-- types
ALTER TYPE public.order_status ADD VALUE 'draft' BEFORE 'new';
-- types
ALTER TYPE public.order_status ADD VALUE 'packed' AFTER 'paid';
-- types
ALTER TYPE public.order_status ADD VALUE 'returned' AFTER 'shipped';
