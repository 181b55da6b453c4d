-- tables
--   breaks-dependents: renames public.customers to public.people: queries using the old name fail
ALTER TABLE public.customers RENAME TO people;
-- columns
--   breaks-dependents: renames public.people.email to email__tmp: queries using the old name fail
ALTER TABLE public.people RENAME COLUMN email TO email__tmp;
-- columns
--   breaks-dependents: renames public.people.age to email: queries using the old name fail
ALTER TABLE public.people RENAME COLUMN age TO email;
-- columns
--   breaks-dependents: renames public.people.email__tmp to age: queries using the old name fail
ALTER TABLE public.people RENAME COLUMN email__tmp TO age;
-- constraints
ALTER TABLE public.people RENAME CONSTRAINT customers_pkey TO people_pkey;
-- constraints
ALTER TABLE public.people RENAME CONSTRAINT customers_email_key TO people_age_key;
