SELECT NOT c.relispopulated AND (SELECT count(*) FROM orders) = 3 AS ok FROM pg_class c WHERE c.oid = 'order_totals'::regclass
