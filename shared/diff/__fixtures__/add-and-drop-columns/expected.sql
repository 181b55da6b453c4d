-- pre
--   deletes-data: drops column public.customers.age and its values
ALTER TABLE public.customers DROP COLUMN age;
-- columns
ALTER TABLE public.customers ADD COLUMN created_at timestamp with time zone DEFAULT now() NOT NULL;
-- columns
--   may-fail-on-existing-data: public.customers.nickname is NOT NULL without a default: fails if the table has rows
ALTER TABLE public.customers ADD COLUMN nickname text NOT NULL;
